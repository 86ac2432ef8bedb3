package org.junheng.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the pipeline made of one district, with the district code taken out, so that a district loaded under faults can
 * be compared with one loaded cleanly: the ledger, the findings, the tasks (整改 and 报送) and the notices, each as a sorted list (a
 * duplicate shows as a line twice, a loss as a line missing).
 */
record PipelineState(List<String> ledger, List<String> findings, List<String> tasks, List<String> notices) {

    static PipelineState of(Cluster cluster, String district) {
        String evaluation = cluster.url("indicator-evaluation");
        List<String> ledger = new ArrayList<>();
        var ledgerAnswer = Api.getAnswer(evaluation + "/api/v1/districts/" + district + "/periods/"
                + SampleDistrict.YEAR + "/ledger");
        if (ledgerAnswer.status() == 200) {
            ledgerAnswer.body().path("lines").forEach(line -> ledger.add(line.path("schoolCode").asText() + "|"
                    + line.path("section").asText() + "|" + line.path("indicator").asText() + "|"
                    + line.path("status").asText()));
        }
        List<String> findings = lines(Api.get(evaluation + "/api/v1/findings?district=" + district), district,
                "indicator", "subject", "status", "severity");
        List<String> tasks = lines(Api.get(cluster.url("rectification") + "/api/v1/tasks?district=" + district),
                district, "kind", "indicator", "schoolCode", "leadDepartment", "coDepartments", "status", "dueDate");
        List<String> notices = new ArrayList<>();
        var readiness = Api.getAnswer(evaluation + "/api/v1/districts/" + district + "/periods/" + SampleDistrict.YEAR
                + "/readiness");
        if (readiness.status() == 200) {
            // the verdict as it stands; its notices are left out below: data that arrive in pieces (an import
            // interrupted and retried) may move the verdict on the way, each move rightly told
            notices.add("READINESS|" + readiness.body().path("ready").asText() + "|"
                    + readiness.body().path("reasons").toString().replace(district, "D"));
        }
        for (JsonNode entry : Api.get(cluster.url("supervision-notices") + "/api/v1/notices?district=" + district)) {
            JsonNode notice = entry.path("notice");
            if (notice.path("kind").asText().equals("READINESS_CHANGED")) {
                continue;
            }
            notices.add(String.join("|", notice.path("kind").asText(), notice.path("audience").toString(),
                    notice.path("severity").asText(), notice.path("title").asText(),
                    String.valueOf(notice.path("findingIds").size()), String.valueOf(notice.path("taskIds").size()),
                    notice.path("schoolCodes").toString()).replace(district, "D"));
        }
        java.util.Collections.sort(ledger);
        java.util.Collections.sort(notices);
        return new PipelineState(ledger, findings, tasks, notices);
    }

    /** Every finding has exactly one task, and no notice is there twice (same kind, audience, title and subjects). */
    static void assertOneTaskPerFindingAndNoNoticeTwice(Cluster cluster, String district) {
        JsonNode findings = Api.get(cluster.url("indicator-evaluation") + "/api/v1/findings?district=" + district);
        JsonNode tasks = Api.get(cluster.url("rectification") + "/api/v1/tasks?district=" + district
                + "&kind=RECTIFICATION");
        Set<String> findingIds = new HashSet<>();
        findings.forEach(f -> findingIds.add(f.path("findingId").asText()));
        List<String> taskFindings = new ArrayList<>();
        tasks.forEach(t -> taskFindings.add(t.path("findingId").asText()));
        assertEquals(findingIds, new HashSet<>(taskFindings), district + ": a task for every finding, none other");
        assertEquals(taskFindings.size(), new HashSet<>(taskFindings).size(), district + ": one task per finding");
        List<String> notices = new ArrayList<>();
        for (JsonNode entry : Api.get(cluster.url("supervision-notices") + "/api/v1/notices?district=" + district)) {
            JsonNode n = entry.path("notice");
            // the body too: two verdicts on the way to the last one share a title, not their reasons
            notices.add(n.path("kind").asText() + n.path("audience") + n.path("title").asText() + n.path("body").asText()
                    + n.path("findingIds") + n.path("taskIds") + n.path("schoolCodes"));
        }
        assertEquals(notices.size(), new HashSet<>(notices).size(), district + ": no notice twice");
    }

    /**
     * The 报送 tasks the district's readiness asks for: one per indicator and kind of its reasons 数据未报送 and
     * 待督导认定 that name an indicator other than the schools' forms' RA and CV items (DataGapFollowUp's rule,
     * counted independently here).
     */
    static int gapTasks(Cluster cluster, String district) {
        Set<String> gaps = new java.util.TreeSet<>();
        for (JsonNode reason : Api.get(cluster.url("indicator-evaluation") + "/api/v1/districts/" + district
                + "/periods/" + SampleDistrict.YEAR + "/readiness").path("reasons")) {
            String kind = reason.path("kind").asText();
            String indicator = reason.path("indicator").asText("");
            boolean schoolForms = indicator.startsWith("RA") || indicator.startsWith("CV-");
            if (!indicator.isEmpty() && !schoolForms && (kind.equals("DATA_MISSING")
                    || kind.equals("AWAITING_ATTESTATION"))) {
                gaps.add(indicator + "|" + kind);
            }
        }
        return gaps.size();
    }

    /** Nothing parked by any consumer of any service. */
    static void assertNothingParked(Cluster cluster) {
        for (String service : Cluster.SERVICES) {
            JsonNode parked = Api.get(cluster.url(service) + "/api/v1/admin/parked-records");
            assertEquals(0, parked.size(), service + " parked " + parked);
        }
    }

    boolean complete(int findingCount) {
        // one 整改 task per finding; the 报送 tasks (data the evaluation lacks) are compared, not counted
        return findings.size() == findingCount && !ledger.isEmpty()
                && tasks.stream().filter(line -> line.startsWith("RECTIFICATION|")).count() == findingCount;
    }

    /** An MD5 over everything, for the record. */
    String checksum() {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (List<String> part : List.of(ledger, findings, tasks, notices)) {
                part.forEach(line -> md5.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
                md5.update((byte) 0);
            }
            return String.format("%032x", new BigInteger(1, md5.digest()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(JsonNode array, String district, String... fields) {
        List<String> lines = new ArrayList<>();
        for (JsonNode node : array) {
            StringBuilder line = new StringBuilder();
            for (String field : fields) {
                JsonNode value = node.path(field);
                line.append(value.isValueNode() ? value.asText() : value.toString()).append('|');
            }
            lines.add(line.toString().replace(district, "D"));
        }
        java.util.Collections.sort(lines);
        return lines;
    }
}
