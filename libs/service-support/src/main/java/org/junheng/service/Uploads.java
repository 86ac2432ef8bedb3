package org.junheng.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Multipart uploads that are read whole (a spreadsheet to import; evidence files are streamed instead). */
public final class Uploads {

    private Uploads() {
    }

    /** The uploaded file's bytes; none when no file was sent (the importer then says the file is empty). */
    public static byte[] bytes(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return new byte[0];
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
