package org.junheng.rectification.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.service.Text;

/**
 * Evidence files (佐证材料) in the service's own PostgreSQL, content-addressed: a file is kept once under its SHA-256
 * however many tasks attach it, in 1 MiB chunks so that neither an upload nor a download holds a whole file in memory.
 * A file is stored in the transaction that appends its EvidenceAttached event, so there is never a file without its
 * event, nor an event whose file is missing.
 */
@ApplicationScoped
public class EvidenceFiles {

    static final int CHUNK_BYTES = 1 << 20;
    static final int MAX_NAME_LENGTH = 200;

    private final long maxFileBytes;
    private final int maxFiles;

    EvidenceFiles(@ConfigProperty(name = "junheng.evidence.max-file-size", defaultValue = "50M") MemorySize maxFileSize,
                  @ConfigProperty(name = "junheng.evidence.max-files", defaultValue = "10") int maxFiles) {
        this.maxFileBytes = maxFileSize.asLongValue();
        this.maxFiles = maxFiles;
    }

    /** The files of one upload, each checked ({@link #inspect}); at least one, at most {@code max-files}. */
    public List<Upload> inspectAll(List<Received> files) {
        List<Received> present = files == null ? List.of()
                : files.stream().filter(f -> f != null && f.file() != null).toList();
        if (present.isEmpty()) {
            throw Refusal.invalidField("file", null, "请选择要上传的文件 (form field \"file\": one or more files)");
        }
        if (present.size() > maxFiles) {
            throw Refusal.invalidField("file", present.size(), "一次至多上传 " + maxFiles + " 个文件 (at most "
                    + maxFiles + " files at once)");
        }
        List<Upload> uploads = new java.util.ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            uploads.add(inspect("file[" + i + "]", present.get(i).file(), present.get(i).fileName()));
        }
        return uploads;
    }

    public Uni<Void> storeAll(SqlClient tx, List<Upload> uploads) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Upload upload : uploads) {
            chain = chain.flatMap(ignored -> store(tx, upload));
        }
        return chain;
    }

    /** Writes the stored file to {@code out} chunk by chunk. Blocks: call it from a worker thread. */
    public void copy(SqlClient client, Stored stored, java.io.OutputStream out) throws IOException {
        for (int seq = 0; seq < stored.chunks(); seq++) {
            out.write(chunk(client, stored.sha256(), seq).await().indefinitely());
        }
    }

    /** A file as the request delivered it: where the server put it, and the name the sender gave it. */
    public record Received(Path file, String fileName) {
    }

    /** An uploaded file, checked and hashed, ready to be stored with its event. */
    public record Upload(Path file, String name, String sha256, FileKind kind, long size) {
    }

    /** A stored file as the download serves it. */
    public record Stored(String sha256, FileKind kind, long size, int chunks) {
    }

    /**
     * Checks one uploaded file (size, name, kind by content) and computes its SHA-256; {@code field} names it in a
     * refusal ({@code file[1]}). Reads the file: call it off the event loop.
     */
    public Upload inspect(String field, Path file, String fileName) {
        String name = name(field, fileName);
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw Refusal.invalidField(field, name, "文件为空 (the file is empty)");
            }
            if (size > maxFileBytes) {
                throw new Refusal(Refusal.Kind.TOO_LARGE, "file-too-large", "文件过大 (file too large)",
                        name + " 超过 " + maxFileBytes / (1024 * 1024) + " MB",
                        List.of(Violation.error(field, name, "每个文件至多 " + maxFileBytes / (1024 * 1024)
                                + " MB (at most " + maxFileBytes + " bytes)")));
            }
            FileKind kind = FileKind.of(file).orElseThrow(() -> new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "unsupported-file-type",
                    "不支持的文件类型 (unsupported file type)", name + " 不是可接受的佐证材料格式",
                    List.of(Violation.error(field, name, "只接受 " + FileKind.ACCEPTED
                            + "，按文件内容判断 (judged by content, not by name)"))));
            return new Upload(file, name, sha256(file), kind, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores the file unless a file with its hash is stored already (then nothing is written). */
    public Uni<Void> store(SqlClient tx, Upload upload) {
        int chunks = (int) ((upload.size() + CHUNK_BYTES - 1) / CHUNK_BYTES);
        return tx.preparedQuery("insert into evidence_files (sha256, media_type, size, chunks) values ($1, $2, $3, $4)"
                        + " on conflict (sha256) do nothing")
                .execute(Tuple.of(upload.sha256(), upload.kind().mediaType, upload.size(), chunks))
                .flatMap(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : Multi.createFrom().range(0, chunks)
                                .onItem().transformToUniAndConcatenate(seq -> readChunk(upload.file(), seq)
                                        .flatMap(data -> tx.preparedQuery(
                                                        "insert into evidence_chunks (sha256, seq, data) values ($1, $2, $3)")
                                                .execute(Tuple.of(upload.sha256(), seq,
                                                        io.vertx.core.buffer.Buffer.buffer(data)))))
                                .collect().last().replaceWithVoid());
    }

    public Uni<Optional<Stored>> find(SqlClient client, String sha256) {
        return client.preparedQuery("select media_type, size, chunks from evidence_files where sha256 = $1")
                .execute(Tuple.of(sha256))
                .map(rows -> rows.size() == 0 ? Optional.<Stored>empty() : Optional.of(rows.iterator().next())
                        .map(row -> new Stored(sha256, FileKind.ofMediaType(row.getString("media_type")).orElseThrow(),
                                row.getLong("size"), row.getInteger("chunks"))));
    }

    public Uni<byte[]> chunk(SqlClient client, String sha256, int seq) {
        return client.preparedQuery("select data from evidence_chunks where sha256 = $1 and seq = $2")
                .execute(Tuple.of(sha256, seq))
                .map(rows -> rows.iterator().next().getBuffer("data").getBytes());
    }

    /** The name as the person's computer called it: no folder (browsers on Windows send {@code C:\fakepath\…}). */
    static String name(String field, String fileName) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            throw Refusal.invalidField(field, fileName, "请提供文件名 (the file needs a name)");
        }
        String problem = Text.problem(name);
        if (problem != null || name.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.invalidField(field, null, problem != null ? problem
                    : "文件名含控制字符 (control characters in the file name)");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw Refusal.invalidField(field, name.substring(0, 40) + "…",
                    "文件名至多 " + MAX_NAME_LENGTH + " 个字符 (at most " + MAX_NAME_LENGTH + " characters)");
        }
        return name;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Reads one chunk on a worker thread: the transaction's callbacks run on the event loop. */
    private static Uni<byte[]> readChunk(Path file, int seq) {
        return Uni.createFrom().item(() -> {
            try (var channel = java.nio.channels.FileChannel.open(file)) {
                long offset = (long) seq * CHUNK_BYTES;
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(CHUNK_BYTES,
                        channel.size() - offset));
                while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                    // read until the chunk is full
                }
                return buffer.array();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
