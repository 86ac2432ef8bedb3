package org.junheng.rectification.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * The kinds of file a department may prove a fix with (佐证材料), recognised by their content, never by the name or
 * the type the browser claims: a renamed executable is refused whatever it is called.
 */
public enum FileKind {
    PDF("application/pdf", "pdf", true),
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    HEIC("image/heic", "heic", false),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false);

    /** What the upload form and a refusal name. */
    public static final String ACCEPTED = "PDF、JPEG、PNG、HEIC、Word (DOCX)、Excel (XLSX)";

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** ISO base media brands of HEIF images (iPhone photos): heic, heix, and the image-collection brands. */
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
            "msf1");

    public final String mediaType;
    public final String extension;
    /** A browser shows it in the page (images it can draw, PDF); the others are downloaded. */
    public final boolean previewable;

    FileKind(String mediaType, String extension, boolean previewable) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.previewable = previewable;
    }

    public static Optional<FileKind> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(kind -> kind.mediaType.equals(mediaType)).findFirst();
    }

    /** The kind of the file's content, or empty when it is none of the accepted kinds. */
    public static Optional<FileKind> of(Path file) throws IOException {
        byte[] head = new byte[16];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        byte[] start = Arrays.copyOf(head, read);
        if (startsWith(start, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (start.length >= 3 && (start[0] & 0xff) == 0xff && (start[1] & 0xff) == 0xd8 && (start[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(start, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (start.length >= 12 && new String(start, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")
                && HEIF_BRANDS.contains(new String(start, 8, 4, StandardCharsets.US_ASCII))) {
            return Optional.of(HEIC);
        }
        if (startsWith(start, ZIP_MAGIC)) {
            return office(file);
        }
        return Optional.empty();
    }

    /** A Word or Excel file is a ZIP package whose main part names it; any other ZIP is refused. */
    private static Optional<FileKind> office(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return Optional.empty();
            }
            if (zip.getEntry("word/document.xml") != null) {
                return Optional.of(DOCX);
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return Optional.of(XLSX);
            }
            return Optional.empty();
        } catch (IOException notAZip) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
