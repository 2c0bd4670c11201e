package ganinv.api.types;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The one way every setting enum reads its command-line spelling. */
final class Choices {
    private Choices() {
    }

    /** A setting spelt as {@code --flag}; its enum constants' {@code toString()} are the spellings. */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String flag) {
        E[] all = type.getEnumConstants();
        for (E e : all) {
            if (e.toString().equals(text)) {
                return e;
            }
        }
        String names = Arrays.stream(all).map(Object::toString).collect(Collectors.joining(", "));
        throw new BadInputException(flag + " " + text + ": choose one of " + names, null);
    }

}
