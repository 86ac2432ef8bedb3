package org.junheng.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps a document a test fetched under {@code target/documents}, for docs/documents.md's pictures. */
public final class TestDocuments {

    private TestDocuments() {
    }

    public static void keep(String name, byte[] content) {
        try {
            Path dir = Path.of("target", "documents");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
