package org.junheng.evaluation.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** expected-summary.txt of the sample generator, parsed: the results the engine must reproduce. */
record ExpectedSummary(
        Map<String, Coefficient> coefficients,
        List<Share> failingShares,
        Map<String, SectionExpectation> sections,
        List<OtherCheck> otherChecks,
        long retained,
        long retentionBase) {

    record Coefficient(String code, BigDecimal mean, BigDecimal standardDeviation, BigDecimal coefficient,
                       boolean met) {
    }

    record Share(BigDecimal share, String schoolCode, BigDecimal value) {
    }

    /** Keyed by {@code <school code>/<section>}. */
    record SectionExpectation(String schoolCode, String section, int pupils, Map<String, BigDecimal> values,
                              Map<String, BigDecimal> unmetPercentOfStandard, boolean passesSchoolRule) {
    }

    /**
     * E.g. {@code GG5 2150202506 … P: largest class 52 > 45}; section null for school-level checks; school code
     * {@code county} for a county ratio of one section ({@code GG13 county P: …}), whose finding is the county's.
     */
    record OtherCheck(String indicator, String schoolCode, String section, String detail) {

        String subjectKey() {
            return schoolCode.equals("county") ? "county" : section == null ? schoolCode : schoolCode + "/" + section;
        }
    }

    private static final Pattern CV = Pattern.compile(
            "^\\s+(CV-RA\\d-[PJ])\\s+mean (\\S+)\\s+S (\\S+)\\s+CV (\\S+)\\s+(met|NOT MET)$");
    private static final Pattern SHARE = Pattern.compile("^\\s+(0\\.\\d+)\\s+(\\d{10}) \\S+\\s+RA\\d = (\\S+)$");
    private static final Pattern SECTION = Pattern.compile("^(\\d{10}) \\S+ \\[.+] ([PJ]) pupils (\\d+)$");
    private static final Pattern VALUE = Pattern.compile("(RA\\d) (\\S+)");
    private static final Pattern UNMET = Pattern.compile("(RA\\d) \\((\\d+\\.\\d)% of standard\\)");
    private static final Pattern OTHER = Pattern.compile(
            "^((?:GG|EQ)\\d+)\\s+(\\d{10}|county)(?: \\S+?)?(?: ([PJ]))?: (.*)$");
    private static final Pattern RETENTION = Pattern.compile("^county retention \\S+ \\((\\d+) / (\\d+)\\)$");

    static ExpectedSummary read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Coefficient> coefficients = new LinkedHashMap<>();
        List<Share> shares = new ArrayList<>();
        Map<String, SectionExpectation> sections = new LinkedHashMap<>();
        List<OtherCheck> others = new ArrayList<>();
        long retained = -1;
        long base = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if ((m = CV.matcher(line)).matches()) {
                coefficients.put(m.group(1), new Coefficient(m.group(1), new BigDecimal(m.group(2)),
                        new BigDecimal(m.group(3)), new BigDecimal(m.group(4)), m.group(5).equals("met")));
            } else if ((m = SHARE.matcher(line)).matches()) {
                shares.add(new Share(new BigDecimal(m.group(1)), m.group(2), new BigDecimal(m.group(3))));
            } else if ((m = SECTION.matcher(line)).matches()) {
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                Matcher v = VALUE.matcher(lines.get(i + 1));
                while (v.find()) {
                    values.put(v.group(1), new BigDecimal(v.group(2)));
                }
                String unmetLine = lines.get(i + 2);
                Map<String, BigDecimal> unmet = new LinkedHashMap<>();
                Matcher u = UNMET.matcher(unmetLine);
                while (u.find()) {
                    unmet.put(u.group(1), new BigDecimal(u.group(2)));
                }
                boolean passes = unmetLine.endsWith("RA-SCHOOL met");
                sections.put(m.group(1) + "/" + m.group(2), new SectionExpectation(m.group(1), m.group(2),
                        Integer.parseInt(m.group(3)), values, unmet, passes));
                i += 2;
            } else if ((m = OTHER.matcher(line)).matches()) {
                others.add(new OtherCheck(m.group(1), m.group(2), m.group(3), m.group(4)));
            } else if ((m = RETENTION.matcher(line)).matches()) {
                retained = Long.parseLong(m.group(1));
                base = Long.parseLong(m.group(2));
            }
        }
        return new ExpectedSummary(coefficients, shares, sections, others, retained, base);
    }

    /** Every finding the summary implies: (indicator code, subject key). */
    Set<String> expectedFindings() {
        Set<String> findings = new LinkedHashSet<>();
        sections.values().forEach(s -> {
            String key = s.schoolCode() + "/" + s.section();
            s.unmetPercentOfStandard().keySet().forEach(code -> findings.add(code + " " + key));
            if (!s.passesSchoolRule()) {
                findings.add("RA-SCHOOL " + key);
            }
        });
        coefficients.values().stream().filter(c -> !c.met()).forEach(c -> findings.add(c.code() + " county"));
        otherChecks.forEach(check -> findings.add(check.indicator() + " " + check.subjectKey()));
        return findings;
    }
}
