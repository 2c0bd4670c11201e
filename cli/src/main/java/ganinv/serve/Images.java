package ganinv.serve;

import ganinv.api.ImageFiles;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;

/** Images to PNG bytes and to data: URLs for the page. */
final class Images {
    private Images() {
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
