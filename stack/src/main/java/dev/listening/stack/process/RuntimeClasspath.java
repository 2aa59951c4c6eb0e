package dev.listening.stack.process;

import dev.listening.contract.UserError;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The classpath of a service runtime, written by the build to stack/runtimes/NAME/target/classpath.txt:
 * each service runs with exactly the jars it was released with, apart from every other JVM.
 */
public final class RuntimeClasspath {
    static final String BUILD = "mvn -B -q install -DskipTests (./pipeline does it when needed)";

    private RuntimeClasspath() {
    }

    public static Path file(Path root, String runtime) {
        return root.resolve("stack").resolve("runtimes").resolve(runtime).resolve("target").resolve("classpath.txt");
    }

    public static String read(Path root, String runtime) {
        Path file = file(root, runtime);
        String classpath;
        try {
            classpath = Files.isRegularFile(file) ? Files.readString(file).strip() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (classpath.isEmpty()) {
            throw new UserError(root.relativize(file) + " is missing: build the project first: " + BUILD);
        }
        Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !Files.exists(Path.of(entry)))
                .findFirst()
                .ifPresent(missing -> {
                    throw new UserError(root.relativize(file) + " lists " + missing + ", which does not exist: rebuild: " + BUILD);
                });
        return classpath;
    }
}
