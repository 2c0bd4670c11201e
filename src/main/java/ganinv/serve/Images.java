package ganinv.serve;

import ganinv.api.BadInputException;
import ganinv.api.ImageFiles;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;

/** Uploaded bytes to images (with the status a bad upload deserves) and images to PNG. */
final class Images {
    private Images() {
    }

    /**
     * @param name the client's file name, used only in messages (never as a path)
     * @return the decoded image
     * @throws HttpError 415 when the bytes are not PNG or JPEG at all, 400 when they claim to be and do not decode
     */
    static BufferedImage decode(byte[] bytes, String name) {
        String shown = name == null ? "upload" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (!isPngOrJpeg(bytes)) {
            throw new HttpError(415, shown + ": not a PNG or JPEG image; upload a .png or .jpg file");
        }
        try {
            return ImageFiles.decode(bytes, shown);
        } catch (BadInputException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private static boolean isPngOrJpeg(byte[] b) {
        boolean png = b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
        return png || jpeg;
    }

    static byte[] png(BufferedImage image) {
        return ImageFiles.encodePng(image);
    }

    /** A data: URL the page can put in an img's src. */
    static String dataUrl(BufferedImage image) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(image));
    }

    static List<String> dataUrls(List<BufferedImage> images) {
        return images.stream().map(Images::dataUrl).toList();
    }
}
