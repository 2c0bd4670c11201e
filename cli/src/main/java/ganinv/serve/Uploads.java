package ganinv.serve;

import ganinv.api.types.BadInputException;
import ganinv.api.ImageFiles;
import ganinv.api.ImageTooLargeException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

/**
 * Uploaded images, bounded twice: the bytes by {@code --max-upload}, the decoded raster by
 * {@code --max-pixels} (checked from the header, before a pixel is decoded), and decodes run at
 * most {@code slots} at once, so concurrent uploads cannot multiply the memory one may take.
 */
final class Uploads {
    private final long maxUpload;
    private final long maxPixels;
    private final Turns slots;

    Uploads(long maxUpload, long maxPixels, int slots) {
        this.maxUpload = maxUpload;
        this.maxPixels = maxPixels;
        this.slots = new Turns(slots, "too many uploads being decoded at once");
    }

    /** The multipart field 'image' of the request, decoded; 400, 413, 415 or 503 with one line otherwise. */
    BufferedImage image(Context ctx) {
        if (ctx.contentLength() > maxUpload + 64 * 1024) {
            throw new HttpError(413, "upload: " + ctx.contentLength() + " bytes, more than --max-upload " + maxUpload);
        }
        if (ctx.contentType() == null || !ctx.contentType().startsWith("multipart/form-data")) {
            throw HttpError.badRequest("upload: send multipart/form-data with the file in the field 'image'");
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("image");
        } catch (IllegalStateException e) {
            // Jetty's multipart parser signals its size limits (set from --max-upload) with this
            // type; that is how a chunked upload without Content-Length is stopped.
            throw new HttpError(413, "upload: more than --max-upload " + maxUpload + " bytes");
        }
        if (file == null) {
            throw HttpError.badRequest("upload: no file in the form field 'image'");
        }
        if (file.size() > maxUpload) {
            throw new HttpError(413, "upload: " + file.size() + " bytes, more than --max-upload " + maxUpload);
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw HttpError.badRequest("upload: cannot read the file (" + e.getMessage() + ")");
        }
        return decode(bytes, file.filename());
    }

    /**
     * @param name the client's file name, used only in messages (never as a path)
     * @throws HttpError 415 when the bytes are not PNG or JPEG at all, 413 when the header claims
     *     more than {@code --max-pixels}, 400 when they do not decode, 503 when every slot stays busy 30 s
     */
    BufferedImage decode(byte[] bytes, String name) {
        String shown = name == null ? "upload" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (!isPngOrJpeg(bytes)) {
            throw new HttpError(415, shown + ": not a PNG or JPEG image; upload a .png or .jpg file");
        }
        slots.acquire();
        try {
            return ImageFiles.decode(bytes, shown, maxPixels);
        } catch (ImageTooLargeException e) {
            throw new HttpError(413, e.getMessage());
        } catch (BadInputException e) {
            throw HttpError.badRequest(e.getMessage());
        } finally {
            slots.release();
        }
    }

    private static boolean isPngOrJpeg(byte[] b) {
        boolean png = b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
        return png || jpeg;
    }
}
