package ganinv.api;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's contract: no engine (DJL) type and no internal ganinv type in any public signature
 * of ganinv.api and ganinv.api.types, so callers never depend on either.
 */
class PublicSignaturesTest {
    @Test
    void publicSignaturesUseOnlyJdkAndApiTypes() throws Exception {
        List<String> offences = new ArrayList<>();
        List<Class<?>> types = apiClasses();
        assertThat(types).extracting(Class::getSimpleName).contains("GanRun", "Training", "InvertSettings", "Quality",
                "PartialEvaluation", "KernelSums", "Method", "CollapsePolicy", "BadInputException");
        for (Class<?> c : types) {
            if (!Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            check(c.getGenericSuperclass(), c + " extends", offences);
            for (Type t : c.getGenericInterfaces()) {
                check(t, c + " implements", offences);
            }
            for (Field f : c.getFields()) {
                check(f.getGenericType(), c.getSimpleName() + "." + f.getName(), offences);
            }
            List<Executable> members = new ArrayList<>(List.of(c.getMethods()));
            members.addAll(List.<Constructor<?>>of(c.getConstructors()));
            for (Executable m : members) {
                String where = c.getSimpleName() + "." + m.getName();
                if (m instanceof Method method) {
                    check(method.getGenericReturnType(), where, offences);
                }
                for (Type p : m.getGenericParameterTypes()) {
                    check(p, where, offences);
                }
                for (Type x : m.getGenericExceptionTypes()) {
                    check(x, where, offences);
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theCheckCatchesAnEngineType() {
        List<String> offences = new ArrayList<>();
        check(ai.djl.ndarray.NDArray.class, "probe", offences);
        check(ganinv.train.TrainedRun.class, "probe", offences);
        assertThat(offences).hasSize(2);
    }

    private static void check(Type t, String where, List<String> offences) {
        if (t == null) {
            return;
        }
        if (t instanceof ParameterizedType p) {
            check(p.getRawType(), where, offences);
            for (Type a : p.getActualTypeArguments()) {
                check(a, where, offences);
            }
        } else if (t instanceof GenericArrayType a) {
            check(a.getGenericComponentType(), where, offences);
        } else if (t instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach(b -> check(b, where, offences));
        } else if (t instanceof Class<?> c) {
            Class<?> base = c;
            while (base.isArray()) {
                base = base.getComponentType();
            }
            String name = base.getName();
            if (name.startsWith("ai.djl") || name.startsWith("ganinv.") && !name.startsWith("ganinv.api.")) {
                offences.add(where + ": " + name);
            }
        }
    }

    private static List<Class<?>> apiClasses() throws Exception {
        Path root = Path.of(GanRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        for (String pkg : List.of("ganinv/api", "ganinv/api/types")) {
            try (Stream<Path> files = Files.list(root.resolve(pkg))) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".class") && !name.equals("package-info.class")) {
                        out.add(Class.forName(pkg.replace('/', '.') + "." + name.substring(0, name.length() - ".class".length())));
                    }
                }
            }
        }
        return out;
    }
}
