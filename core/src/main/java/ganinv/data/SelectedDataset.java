package ganinv.data;

import java.util.List;

/** Some images of a dataset, in a given order, without copying them (a seeded subset of a prepared file). */
final class SelectedDataset implements Dataset {
    private final Dataset all;
    private final int[] indices;
    private final String description;

    SelectedDataset(Dataset all, int[] indices, String note) {
        this.all = all;
        this.indices = indices.clone();
        this.description = all.describe() + ", " + note;
    }

    @Override
    public long size() {
        return indices.length;
    }

    @Override
    public int channels() {
        return all.channels();
    }

    @Override
    public int resolution() {
        return all.resolution();
    }

    @Override
    public byte[] pixels(long index) {
        return all.pixels(indices[Math.toIntExact(index)]);
    }

    @Override
    public int label(long index) {
        return all.label(indices[Math.toIntExact(index)]);
    }

    @Override
    public List<String> classNames() {
        return all.classNames();
    }

    @Override
    public String describe() {
        return description;
    }
}
