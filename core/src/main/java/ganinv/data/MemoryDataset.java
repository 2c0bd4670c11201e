package ganinv.data;

import java.util.List;

/** A decoded, already fitted set of images held in memory (folders, IDX, CIFAR-10). */
public final class MemoryDataset implements Dataset {
    private final List<byte[]> images;
    private final int[] labels;
    private final List<String> classNames;
    private final int channels;
    private final int resolution;
    private final String description;

    /**
     * @param images 8-bit [C, H, W] each
     * @param labels one per image (-1 for none), or null when the source has no labels
     */
    public MemoryDataset(List<byte[]> images, int[] labels, List<String> classNames,
                         int channels, int resolution, String description) {
        this.images = List.copyOf(images);
        this.labels = labels == null ? null : labels.clone();
        this.classNames = List.copyOf(classNames);
        this.channels = channels;
        this.resolution = resolution;
        this.description = description;
    }

    /**
     * The images at {@code indices}, in that order, labels and classes kept.
     *
     * @param note how they were chosen, appended to the description
     */
    public MemoryDataset select(int[] indices, String note) {
        List<byte[]> kept = new java.util.ArrayList<>(indices.length);
        int[] keptLabels = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            kept.add(images.get(indices[i]));
            if (keptLabels != null) {
                keptLabels[i] = labels[indices[i]];
            }
        }
        return new MemoryDataset(kept, keptLabels, classNames, channels, resolution, description + ", " + note);
    }

    @Override
    public long size() {
        return images.size();
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int resolution() {
        return resolution;
    }

    @Override
    public byte[] pixels(long index) {
        return images.get(Math.toIntExact(index));
    }

    @Override
    public int label(long index) {
        return labels == null ? -1 : labels[Math.toIntExact(index)];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public String describe() {
        return description;
    }
}
