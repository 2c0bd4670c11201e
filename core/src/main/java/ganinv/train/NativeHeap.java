package ganinv.train;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Structure;
import com.sun.jna.ptr.LongByReference;

import java.util.List;
import java.util.OptionalLong;

/**
 * Bytes the process's malloc has handed out and not yet taken back: libtorch's tensors (all its CPU
 * memory comes from malloc) plus the JVM's own native allocations. Read from tcmalloc when the
 * launcher preloaded it, else from glibc's {@code mallinfo2}; empty elsewhere (not Linux, musl).
 * A benchmark reads it between and inside steps to say where a step's memory goes.
 */
public final class NativeHeap {
    private static final Function TCMALLOC = find("MallocExtension_GetNumericProperty");
    private static final Function MALLINFO2 = find("mallinfo2");

    private NativeHeap() {
    }

    /** The allocator read: "tcmalloc", "glibc", or "unknown". */
    public static String allocator() {
        return TCMALLOC != null ? "tcmalloc" : MALLINFO2 != null ? "glibc" : "unknown";
    }

    /** Bytes in use now, or empty when the allocator cannot say. */
    public static OptionalLong inUse() {
        if (TCMALLOC != null) {
            LongByReference bytes = new LongByReference();
            int ok = TCMALLOC.invokeInt(new Object[] {"generic.current_allocated_bytes", bytes});
            return ok != 0 ? OptionalLong.of(bytes.getValue()) : OptionalLong.empty();
        }
        if (MALLINFO2 != null) {
            Mallinfo2 m = (Mallinfo2) MALLINFO2.invoke(Mallinfo2.class, new Object[0]);
            return OptionalLong.of(m.uordblks + m.hblkhd);                          // heap chunks in use + mmap-ed ones
        }
        return OptionalLong.empty();
    }

    private static Function find(String symbol) {
        try {
            return NativeLibrary.getProcess().getFunction(symbol);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /** glibc's struct mallinfo2: ten size_t counters. */
    public static final class Mallinfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;

        @Override
        protected List<String> getFieldOrder() {
            return List.of("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost");
        }
    }
}
