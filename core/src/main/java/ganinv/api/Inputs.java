package ganinv.api;

import ganinv.data.ImageCodec;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The API's image inputs, checked and fitted to a run's shape: 8-bit [C, R, R] each, as the CLI reads files. */
final class Inputs {
    private Inputs() {
    }

    static List<byte[]> fromImages(List<BufferedImage> images, int channels, int resolution) {
        Guard.require(images != null && !images.isEmpty(), "images: none given; pass at least one image");
        Guard.require(images.stream().allMatch(Objects::nonNull), "images: the list holds a null image");
        List<byte[]> out = new ArrayList<>(images.size());
        for (BufferedImage image : images) {
            out.add(ImageCodec.fit(image, channels, resolution));
        }
        return out;
    }

    /** Values in [0, 1] rounded to 8 bits, as an image file holds them. */
    static List<byte[]> fromPixels(List<float[]> pixels, int channels, int resolution) {
        Guard.require(pixels != null && !pixels.isEmpty(), "pixels: none given; pass at least one image");
        int size = channels * resolution * resolution;
        List<byte[]> out = new ArrayList<>(pixels.size());
        for (float[] p : pixels) {
            Guard.require(p != null && p.length == size, "pixels: each image must be [C, R, R] = " + channels + "x"
                    + resolution + "x" + resolution + " = " + size + " values in [0, 1]");
            byte[] b = new byte[size];
            for (int i = 0; i < size; i++) {
                b[i] = (byte) Math.round(255 * Math.min(1f, Math.max(0f, p[i])));
            }
            out.add(b);
        }
        return out;
    }

    static List<byte[]> fromFiles(List<Path> files, int channels, int resolution) {
        Guard.require(files != null && !files.isEmpty(), "files: none given; pass at least one image file");
        List<byte[]> out = new ArrayList<>(files.size());
        for (Path f : files) {
            Guard.require(f != null, "files: the list holds a null path");
            out.add(Guard.call(() -> ImageCodec.read(f, channels, resolution)));
        }
        return out;
    }
}
