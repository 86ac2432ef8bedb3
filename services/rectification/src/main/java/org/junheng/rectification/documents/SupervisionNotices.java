package org.junheng.rectification.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junheng.contracts.Department;
import org.junheng.contracts.EvidenceReference;
import org.junheng.rectification.lifecycle.TaskState;
import org.junheng.rectification.lifecycle.Urgency;
import org.junheng.service.documents.WordDocument;

/**
 * 整改督办单 for one task and for one department's tasks, as the supervision office sends them: the 蓝/黄/红 level by
 * days left ({@link Urgency}), the facts of the finding, who answers for it, where it stands. Pure: the tasks come as
 * they stood at the document's date.
 */
public final class SupervisionNotices {

    /** Where the document stands in the recorded history. */
    public record Stamp(Instant asOf, long events, String position) {
    }

    private SupervisionNotices() {
    }

    static String colour(Urgency urgency) {
        return switch (urgency) {
            case BLUE -> "1F4E9A";
            case YELLOW -> "BF8F00";
            case RED -> "C00000";
        };
    }

    public static byte[] forTask(TaskState task, LocalDate today, Stamp stamp) {
        try (WordDocument document = new WordDocument()) {
            document.masthead("义务教育优质均衡发展督导", false).title("整改督办单");
            long daysLeft = Urgency.daysLeft(task, today);
            Urgency.of(task, today).ifPresentOrElse(
                    urgency -> document.colouredLine("督办等级：" + urgency.colour + "（" + urgency.meaning + "）　"
                            + Urgency.describe(daysLeft), colour(urgency)),
                    () -> document.centredLine("该问题已" + task.status().label() + "，不再督办"));
            document.addressee(task.lead().name() + "：");
            document.paragraph("经督导核查，" + task.title() + "。现将问题交你单位牵头整改，请于"
                    + dateText(task.dueDate()) + "前完成整改，上传佐证材料并提交区教育督导室核验。");
            List<List<String>> facts = new ArrayList<>();
            facts.add(List.of("学校", task.subject().schoolName() == null ? "全区（县域）" : task.subject().schoolName()));
            facts.add(List.of("指标", task.indicator().chineseName()));
            facts.add(List.of("存在问题", task.gap()));
            facts.add(List.of("牵头单位", task.lead().name()));
            facts.add(List.of("配合单位", task.coDepartments().isEmpty() ? "无"
                    : task.coDepartments().stream().map(Department::name).collect(Collectors.joining("、"))));
            facts.add(List.of("责任人", task.responsible() == null ? "未指定" : task.responsible().name()));
            facts.add(List.of("整改期限", dateText(task.dueDate())));
            facts.add(List.of("当前状态", task.status().label() + (task.percentComplete() > 0
                    ? "，完成 " + task.percentComplete() + "%" : "") + (task.rejections() > 0
                    ? "，核验退回 " + task.rejections() + " 次" : "")));
            facts.add(List.of("佐证材料", task.evidence().isEmpty() ? "尚未上传"
                    : task.evidence().stream().map(EvidenceReference::name).collect(Collectors.joining("；"))));
            if (task.escalation() != null) {
                facts.add(List.of("已督办至", task.escalation().label()));
            }
            document.facts(facts);
            document.right("区教育督导室").right(dateText(today));
            document.stamp(stamp.asOf(), stamp.events(), stamp.position());
            return document.bytes();
        }
    }

    /** The department's open tasks it leads or helps with, most urgent first. */
    public static byte[] forDepartment(Department department, List<TaskState> tasks, LocalDate today, Stamp stamp) {
        List<TaskState> open = tasks.stream().filter(task -> task.involves(department.code()))
                .filter(task -> Urgency.of(task, today).isPresent())
                .sorted(Comparator.comparing(TaskState::dueDate).thenComparing(TaskState::title)).toList();
        try (WordDocument document = new WordDocument()) {
            document.masthead("义务教育优质均衡发展督导", false).title("整改督办单");
            long red = open.stream().filter(t -> Urgency.of(t, today).orElseThrow() == Urgency.RED).count();
            long yellow = open.stream().filter(t -> Urgency.of(t, today).orElseThrow() == Urgency.YELLOW).count();
            document.addressee(department.name() + "：");
            document.paragraph(open.isEmpty() ? "截至" + dateText(today) + "，你单位没有未完成的整改任务。"
                    : "截至" + dateText(today) + "，你单位承担的整改任务尚有 " + open.size() + " 项未完成，其中红色（逾期）"
                    + red + " 项、黄色（30日内到期）" + yellow + " 项。请按期限逐项整改，逾期事项从速办结。");
            if (!open.isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                int n = 1;
                for (TaskState task : open) {
                    Urgency urgency = Urgency.of(task, today).orElseThrow();
                    rows.add(List.of(String.valueOf(n++), task.title(),
                            task.lead().code().equals(department.code()) ? "牵头" : "配合",
                            dateText(task.dueDate()), urgency.colour + "，" + Urgency.describe(Urgency.daysLeft(task, today)),
                            task.status().label()));
                }
                document.table(List.of("序号", "问题", "职责", "整改期限", "督办等级", "状态"), rows,
                        700, 3600, 800, 1300, 1500, 945);
            }
            document.right("区教育督导室").right(dateText(today));
            document.stamp(stamp.asOf(), stamp.events(), stamp.position());
            return document.bytes();
        }
    }

    static String dateText(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
