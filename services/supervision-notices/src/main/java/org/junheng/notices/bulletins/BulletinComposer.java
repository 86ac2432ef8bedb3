package org.junheng.notices.bulletins;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.notices.Audience;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junheng.notices.readmodels.DepartmentScorecard;
import org.junheng.notices.rules.NoticeText;

/**
 * Composes the periodic bulletin (整改进展情况通报) to every member unit of the district: totals, then the departments
 * ranked worst first. The id is derived from district and issue label, so composing the same issue again (a retry, a
 * second instance) yields the same notice id and the issue is published once.
 */
public final class BulletinComposer {

    /**
     * Worst first: most overdue, then most open, then slowest to close (a department that has closed nothing yet
     * counts as slowest), then by department code so equal records always come out in the same order.
     */
    public static final Comparator<DepartmentScorecard> RANKING = Comparator
            .comparingInt(DepartmentScorecard::overdue).reversed()
            .thenComparing(Comparator.comparingInt(DepartmentScorecard::open).reversed())
            .thenComparing(Comparator.comparingDouble(BulletinComposer::slowness).reversed())
            .thenComparing(scorecard -> scorecard.department().code());

    private static final Audience DISTRICT = new Audience(AudienceKind.DISTRICT, null);

    private BulletinComposer() {
    }

    /** The departments with tasks, ranked by {@link #RANKING}; departments without any task are left out. */
    public static List<DepartmentScorecard> rank(Collection<DepartmentScorecard> scorecards) {
        return scorecards.stream().filter(scorecard -> scorecard.total() > 0).sorted(RANKING).toList();
    }

    /** A name-based UUID of {@code bulletin|<district>|<issue label>}. */
    public static UUID bulletinId(String districtCode, String issueLabel) {
        return UUID.nameUUIDFromBytes(("bulletin|" + districtCode + "|" + issueLabel).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The bulletin of one issue; WARNING when any task is overdue, else INFO.
     *
     * @param issueLabel     e.g. {@code 2025年第1期}; identifies the issue within the district
     * @param asOf           the day the figures were taken (截至)
     * @param documentNumber 文号, e.g. {@code 大渡口教督〔2025〕3号}; null when not yet numbered
     * @param issuedBy       the person issuing it; null for a scheduled bulletin
     */
    public static NoticeIssued compose(String districtCode, String issueLabel, LocalDate asOf,
                                       Collection<DepartmentScorecard> scorecards, @Nullable String documentNumber,
                                       @Nullable Person issuedBy) {
        Objects.requireNonNull(districtCode, "districtCode");
        if (issueLabel == null || issueLabel.isBlank()) {
            throw new IllegalArgumentException("an issue label such as 2025年第1期 is required");
        }
        List<DepartmentScorecard> ranked = rank(scorecards);
        int open = sum(ranked, DepartmentScorecard::open);
        int overdue = sum(ranked, DepartmentScorecard::overdue);
        int closed = sum(ranked, DepartmentScorecard::closed);
        int closedLate = sum(ranked, DepartmentScorecard::closedLate);

        StringBuilder body = new StringBuilder()
                .append("截至").append(NoticeText.date(asOf)).append("，全区整改任务共").append(open + closed)
                .append("项，已完成").append(closed).append("项（其中逾期完成").append(closedLate).append("项），未完成")
                .append(open).append("项（其中逾期").append(overdue).append("项）。");
        if (!ranked.isEmpty()) {
            body.append("各责任单位整改情况如下（按逾期任务数、未完成任务数、平均整改用时排序）：");
            int place = 1;
            for (DepartmentScorecard scorecard : ranked) {
                body.append('\n').append(place++).append(". ").append(line(scorecard));
            }
            body.append('\n');
        }
        List<String> onlyHelping = scorecards.stream().filter(scorecard -> scorecard.total() == 0
                        && scorecard.helping() > 0)
                .sorted(Comparator.comparing(scorecard -> scorecard.department().code()))
                .map(scorecard -> NoticeText.department(scorecard.department()) + helpingText(scorecard)).toList();
        if (!onlyHelping.isEmpty()) {
            body.append("仅承担配合任务的单位：").append(String.join("；", onlyHelping)).append("。");
        }
        List<String> withoutTasks = scorecards.stream().filter(scorecard -> scorecard.total() == 0
                        && scorecard.helping() == 0)
                .sorted(Comparator.comparing(scorecard -> scorecard.department().code()))
                .map(scorecard -> NoticeText.department(scorecard.department())).toList();
        if (!withoutTasks.isEmpty()) {
            body.append("本期无整改任务的单位：").append(String.join("、", withoutTasks)).append("。");
        }
        if (overdue > 0) {
            String late = ranked.stream().filter(scorecard -> scorecard.overdue() > 0)
                    .map(scorecard -> NoticeText.department(scorecard.department()))
                    .collect(Collectors.joining("、"));
            body.append("请").append(late).append("对逾期任务逐项说明原因，制定措施，限期整改到位。");
        } else {
            body.append("请各责任单位继续按期推进整改。");
        }
        return new NoticeIssued(bulletinId(districtCode, issueLabel), districtCode, DISTRICT, NoticeKind.BULLETIN,
                overdue > 0 ? NoticeSeverity.WARNING : NoticeSeverity.INFO,
                "义务教育优质均衡发展整改任务进展情况通报（" + issueLabel + "）", body.toString(), documentNumber,
                List.of(), List.of(), List.of(), issuedBy);
    }

    /** {@code 区财政局：未完成3项，其中逾期1项；已完成5项（按期4项，逾期完成1项），平均用时23.5天。} */
    static String line(DepartmentScorecard scorecard) {
        StringBuilder line = new StringBuilder(NoticeText.department(scorecard.department())).append("：");
        if (scorecard.open() > 0) {
            line.append("未完成").append(scorecard.open()).append("项");
            line.append(scorecard.overdue() > 0 ? "，其中逾期" + scorecard.overdue() + "项" : "，无逾期");
        } else {
            line.append("无未完成任务");
        }
        line.append("；");
        if (scorecard.closed() > 0) {
            line.append("已完成").append(scorecard.closed()).append("项（按期").append(scorecard.closedOnTime())
                    .append("项，逾期完成").append(scorecard.closedLate()).append("项）");
            scorecard.averageDaysToClose().ifPresent(days -> line.append("，平均用时").append(days(days)).append("天"));
        } else {
            line.append("尚无完成任务");
        }
        if (scorecard.helping() > 0) {
            line.append("；").append(helpingText(scorecard));
        }
        return line.append("。").toString();
    }

    /** {@code 配合任务未完成2项，其中逾期1项}: what a co-responsible unit still owes others' tasks. */
    static String helpingText(DepartmentScorecard scorecard) {
        return "配合任务未完成" + scorecard.helping() + "项"
                + (scorecard.helpingOverdue() > 0 ? "，其中逾期" + scorecard.helpingOverdue() + "项" : "");
    }

    /** One decimal at most: 23.5, 12 (not 12.0). */
    private static String days(double days) {
        return BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static double slowness(DepartmentScorecard scorecard) {
        return scorecard.averageDaysToClose().orElse(Double.POSITIVE_INFINITY);
    }

    private static int sum(List<DepartmentScorecard> scorecards, ToIntFunction<DepartmentScorecard> count) {
        return scorecards.stream().mapToInt(count).sum();
    }
}
