package ganinv.spark;

import ganinv.api.types.BadInputException;
import ganinv.api.GanRun;
import ganinv.api.ImageFiles;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.util.SerializableConfiguration;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Serializable;

/**
 * Reads an image on an executor by its path (through the job's Hadoop configuration, so any
 * filesystem Spark reads), decodes it within the pixel limit and fits it to the run's shape at
 * once: a partition holds fitted R x R images, never a batch of full-size photos, and no row
 * carries an image's bytes through a sort or a shuffle.
 */
final class ImageReader implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Files above this size are refused unread: no PNG or JPEG within the pixel limit is this large. */
    static final long MAX_FILE_BYTES = 1L << 30;

    private final SerializableConfiguration hadoop;
    private final long maxPixels;

    ImageReader(org.apache.hadoop.conf.Configuration hadoop, long maxPixels) {
        this.hadoop = new SerializableConfiguration(hadoop);
        this.maxPixels = maxPixels;
    }

    /**
     * @return the image as the run sees it ([C, R, R] as an image)
     * @throws BadInputException one line naming the file when it cannot be read, is too large or does not decode
     */
    BufferedImage fitted(GanRun run, String path) {
        return run.fit(ImageFiles.decode(bytes(path), path, maxPixels));
    }

    private byte[] bytes(String path) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        try {
            FileSystem fs = p.getFileSystem(hadoop.value());
            long length = fs.getFileStatus(p).getLen();
            if (length > MAX_FILE_BYTES) {
                throw new BadInputException(path + ": " + length + " bytes, more than an image ganinv reads (" + MAX_FILE_BYTES + ")", null);
            }
            try (FSDataInputStream in = fs.open(p)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }
}
