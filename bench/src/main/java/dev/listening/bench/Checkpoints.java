package dev.listening.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What a streaming checkpoint says of progress: the newest micro-batch committed, read from the
 * names in its commits/ directory (Spark writes commits/N once batch N is done). Data Spark keeps
 * for itself, read without Spark, so it shows progress whatever the job logs.
 */
final class Checkpoints {
    private Checkpoints() {
    }

    static OptionalLong lastCommitted(Path checkpoint) {
        try (Stream<Path> files = Files.list(checkpoint.resolve("commits"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .max();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
