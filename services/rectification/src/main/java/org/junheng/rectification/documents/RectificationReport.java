package org.junheng.rectification.documents;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junheng.rectification.plan.RectificationPlan;
import java.util.Map;
import java.util.TreeMap;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.evaluation.EvaluationEvent.CountyEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.IndicatorValue;
import org.junheng.contracts.evaluation.ReadinessReason;
import org.junheng.contracts.evaluation.Variation;
import org.junheng.contracts.rectification.TaskKind;
import org.junheng.service.documents.WordDocument;

/**
 * 整改报告: the district's report to the municipal supervision office on its rectification — the verdict and the
 * totals, the state of every county indicator (the 14 coefficients of variation and the county items), a table per
 * lead department, and every finding's measures and result. Pure: everything comes as it stood on the report's day.
 */
public final class RectificationReport {

    private RectificationReport() {
    }

    public static byte[] docx(int period, @Nullable ReadinessChanged readiness, @Nullable CountyEvaluated county,
                              RectificationPlan.State plan, List<TaskRecord> tasks, LocalDate today,
                              SupervisionNotices.Stamp stamp) {
        // 报送 tasks ask for data, not for a fix: one sentence of their own, not counted as problems
        List<TaskRecord> dataTasks = tasks.stream().filter(task -> task.state().kind() == TaskKind.DATA_SUBMISSION)
                .toList();
        List<TaskRecord> counted = tasks.stream().filter(task -> !task.withdrawn())
                .filter(task -> task.state().kind() == TaskKind.RECTIFICATION)
                .sorted(Comparator.comparing((TaskRecord t) -> t.state().lead().name())
                        .thenComparing(t -> t.state().dueDate()).thenComparing(t -> t.state().title())).toList();
        long open = counted.stream().filter(TaskRecord::open).count();
        long overdue = counted.stream().filter(t -> t.overdue(today)).count();
        long onTime = counted.stream().filter(TaskRecord::settledOnTime).count();
        long late = counted.stream().filter(TaskRecord::settledLate).count();
        try (WordDocument document = new WordDocument()) {
            document.title("义务教育优质均衡发展问题整改情况报告（" + period + "年度）");
            document.addressee("市人民政府教育督导室：");
            document.heading("一、总体情况");
            String verdict = readiness == null ? "尚无评估结论"
                    : readiness.ready() ? "已达到市级验收条件" : "尚未达到市级验收条件";
            document.paragraph("截至" + SupervisionNotices.dateText(today) + "，本区" + verdict + "。督导发现的问题共形成整改任务"
                    + counted.size() + "项，已整改到位" + (onTime + late) + "项（其中按期" + onTime + "项、逾期完成" + late
                    + "项），尚在整改" + open + "项（其中逾期" + overdue + "项）。"
                    + (county == null ? "" : "参评学校学段" + county.schoolSections() + "个，校级资源配置达标"
                    + county.schoolSectionsPassing() + "个。")
                    + (dataTasks.isEmpty() ? "" : "评估所缺数据共形成报送任务" + dataTasks.size() + "项，已报送"
                    + dataTasks.stream().filter(t -> !t.open()).count() + "项。"));
            document.paragraph(planSentence(plan));
            if (readiness != null && !readiness.ready()) {
                int n = 1;
                for (ReadinessReason reason : readiness.reasons()) {
                    document.paragraph("（" + n++ + "）" + reason.text());
                }
            }
            document.heading("二、指标达成情况");
            if (county == null) {
                document.paragraph("本年度尚无县域测算结果。");
            } else {
                List<List<String>> variations = new ArrayList<>();
                for (Variation v : county.variations()) {
                    variations.add(List.of(v.indicator().chineseName(),
                            v.coefficient().setScale(3, RoundingMode.HALF_UP).toPlainString(),
                            v.limit().setScale(2, RoundingMode.HALF_UP).toPlainString(), v.met() ? "达标" : "未达标"));
                }
                document.table(List.of("差异系数", "测算值", "标准（不高于）", "结论"), variations, 4045, 1600, 1800, 1400);
                List<List<String>> items = new ArrayList<>();
                for (IndicatorValue value : county.indicatorValues()) {
                    items.add(List.of(value.indicator().chineseName(),
                            value.measured() == null ? "督导认定" : value.measured().stripTrailingZeros().toPlainString(),
                            value.required() == null ? "—" : value.required().stripTrailingZeros().toPlainString(),
                            value.met() ? "达标" : "未达标"));
                }
                if (!items.isEmpty()) {
                    document.table(List.of("县域指标", "测算值", "标准", "结论"), items, 4045, 1600, 1800, 1400);
                }
            }
            document.heading("三、各责任单位整改情况");
            Map<String, long[]> byDepartment = new TreeMap<>();
            for (TaskRecord task : counted) {
                long[] row = byDepartment.computeIfAbsent(task.state().lead().name(), k -> new long[4]);
                row[0] += task.open() ? 1 : 0;
                row[1] += task.overdue(today) ? 1 : 0;
                row[2] += task.settledOnTime() ? 1 : 0;
                row[3] += task.settledLate() ? 1 : 0;
            }
            List<List<String>> departments = new ArrayList<>();
            byDepartment.forEach((name, row) -> departments.add(List.of(name, String.valueOf(row[0]),
                    String.valueOf(row[1]), String.valueOf(row[2]), String.valueOf(row[3]))));
            document.table(List.of("牵头单位", "未完成", "其中逾期", "按期完成", "逾期完成"), departments);
            document.heading("四、整改项目");
            if (plan.projects().isEmpty()) {
                document.paragraph("本年度未设立整改项目。");
            } else {
                List<List<String>> projects = new ArrayList<>();
                for (RectificationPlan.Project project : plan.projects().values()) {
                    var definition = project.definition();
                    List<String> milestones = new ArrayList<>();
                    definition.milestones().forEach(m -> milestones.add(m.description() + "（"
                            + SupervisionNotices.dateText(m.dueDate()) + "前）：" + project.statusLabel(m, today)));
                    projects.add(List.of(definition.name(), definition.lead().name(),
                            definition.budget().stripTrailingZeros().toPlainString()
                                    + (definition.fundingSource() == null ? "" : "（" + definition.fundingSource() + "）"),
                            String.valueOf(definition.taskIds().size()), String.join("；", milestones)));
                }
                document.table(List.of("项目", "牵头单位", "预算（万元）", "解决问题", "节点进展"), projects,
                        2000, 1300, 1500, 900, 3145);
            }
            document.heading("五、问题整改明细");
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (TaskRecord task : counted) {
                rows.add(List.of(String.valueOf(n++), task.state().title(), task.state().lead().name(),
                        SupervisionNotices.dateText(task.state().dueDate()),
                        task.measures() == null ? "尚未提交整改方案" : task.measures(), result(task, today)));
            }
            document.table(List.of("序号", "问题", "牵头单位", "整改期限", "整改措施", "整改结果"), rows,
                    600, 2600, 1100, 1200, 1900, 1445);
            document.right("区人民政府教育督导室").right(SupervisionNotices.dateText(today));
            document.stamp(stamp.asOf(), stamp.events(), stamp.position());
            return document.bytes();
        }
    }

    /** Where the year's 整改方案 stands: the version in force and its approval, or that none is approved yet. */
    static String planSentence(RectificationPlan.State plan) {
        var latest = plan.latest();
        if (latest == null) {
            return "本年度尚未制定整改方案。";
        }
        var inForce = plan.inForce();
        String sentence = inForce.map(v -> {
            var approval = plan.approval(v.version()).orElseThrow();
            return "本年度整改方案《" + v.title() + "》第" + v.version() + "版经" + approval.approvedBy() + "审定（"
                    + SupervisionNotices.dateText(approval.approvedOn())
                    + (approval.documentNumber() == null ? "" : "，" + approval.documentNumber()) + "），列整改任务"
                    + v.items().size() + "项。";
        }).orElse("本年度整改方案尚未经领导小组审定。");
        if (latest.version() > inForce.map(v -> v.version()).orElse(0) && inForce.isPresent()) {
            sentence += "修订后的第" + latest.version() + "版待领导小组审定。";
        }
        return sentence + (plan.projects().isEmpty() ? "" : "设立整改项目" + plan.projects().size() + "个（见第四部分）。");
    }

    static String result(TaskRecord task, LocalDate today) {
        if (task.settledOn() != null) {
            String how = task.state().verification() == null ? "" : "（" + task.state().verification().label() + "）";
            return task.state().status().label() + how + "，" + SupervisionNotices.dateText(task.settledOn())
                    + (task.settledOnTime() ? "按期完成" : "逾期完成");
        }
        return task.state().status().label() + (task.state().percentComplete() > 0
                ? "，完成" + task.state().percentComplete() + "%" : "") + (task.overdue(today) ? "，已逾期" : "");
    }
}
