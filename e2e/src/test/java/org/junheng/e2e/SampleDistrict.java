package org.junheng.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** The Dadukou sample (32 schools, the 2024 statistics) loaded into a district through the intake's public API. */
final class SampleDistrict {

    static final int YEAR = 2024;
    static final Map<String, String> INTAKE_ADMIN = Api.actor("u-admin;admin;", "管理员");
    static final Path SAMPLE = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()
            .resolve("services/school-intake/src/main/resources/sample");

    private SampleDistrict() {
    }

    /** Registers the 32 schools and imports the CSV; {@code afterImport} runs right after the import is accepted. */
    static void load(String intake, String district, Runnable afterImport) throws Exception {
        for (JsonNode school : Api.JSON.readTree(SAMPLE.resolve("dadukou-500104-schools.json").toFile())) {
            var answer = Api.post(intake + "/api/v1/districts/" + district + "/schools", school.toString(),
                    INTAKE_ADMIN);
            assertEquals(201, answer.status(), answer.body().toString());
        }
        String boundary = "e2e-" + UUID.randomUUID();
        byte[] csv = Files.readAllBytes(SAMPLE.resolve("dadukou-500104-2024.csv"));
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sample.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + csv.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(csv, 0, body, head.length, csv.length);
        System.arraycopy(tail, 0, body, head.length + csv.length, tail.length);
        var imported = Api.postBytes(intake + "/api/v1/districts/" + district + "/periods/" + YEAR + "/imports",
                "multipart/form-data; boundary=" + boundary, body, INTAKE_ADMIN);
        assertEquals(200, imported.status(), imported.body().toString());
        afterImport.run();
    }
}
