package org.junheng.rectification.responsibility;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;

/**
 * The district's campaign (创建工作安排): its phases, and the due dates they give a finding. Following the plan's
 * 先硬件后软件, hardware items (buildings, grounds, equipment, class and school size) are due at the end of the
 * build-out phase (扎实创建) and software items (teachers, funding, management, quality) at the end of consolidation
 * (深化巩固). A finding raised after its phase ended gets a minimum lead time instead.
 *
 * @param hardwareDue     when hardware items are due (end of build-out)
 * @param softwareDue     when software items are due (end of consolidation)
 * @param hardwareLeadDays minimum days a hardware finding gets
 * @param softwareLeadDays minimum days a software finding gets
 * @param reviewBeforeClosing whether a task resolved by data or attestation waits for the supervision office's review
 *                         before 销号 (复核销号); absent means yes — the office signs off, the data only propose
 */
@JsonClassDescription("创建安排 (the campaign: its phases and the due dates they give a finding)")
public record Campaign(
        @JsonPropertyDescription("创建阶段 (phases)，按开始日期先后排列") List<Phase> phases,
        @JsonPropertyDescription("硬件项目完成期限 (hardware items due)，扎实创建阶段末") LocalDate hardwareDue,
        @JsonPropertyDescription("软件项目完成期限 (software items due)，深化巩固阶段末，不早于硬件期限")
        LocalDate softwareDue,
        @JsonPropertyDescription("硬件问题最短整改天数 (minimum days a hardware finding gets)，正整数") int hardwareLeadDays,
        @JsonPropertyDescription("软件问题最短整改天数 (minimum days a software finding gets)，正整数") int softwareLeadDays,
        @JsonPropertyDescription("数据或认定解决的任务是否经督导室复核后销号 (复核销号)；不填即是")
        @Nullable Boolean reviewBeforeClosing) {

    /** One phase of the campaign, both dates inclusive; {@code end} null when open-ended. */
    @JsonClassDescription("创建阶段 (a phase of the campaign)")
    public record Phase(@JsonPropertyDescription("阶段名称 (name)") String name,
                        @JsonPropertyDescription("开始日期 (first day)") LocalDate start,
                        @JsonPropertyDescription("结束日期 (last day)；不填即未定") @Nullable LocalDate end,
                        @JsonPropertyDescription("本阶段工作 (the work of the phase)") @Nullable String work) {
        public Phase {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(start, "start");
            if (end != null && end.isBefore(start)) {
                throw new IllegalArgumentException("phase " + name + " ends before it starts");
            }
        }
    }

    private static final Set<IndicatorCode> HARDWARE = Set.of(IndicatorCode.RA4, IndicatorCode.RA5,
            IndicatorCode.RA6, IndicatorCode.RA7, IndicatorCode.GG3, IndicatorCode.GG4, IndicatorCode.GG5);

    public Campaign {
        phases = List.copyOf(phases);
        reviewBeforeClosing = reviewBeforeClosing == null || reviewBeforeClosing;
        if (hardwareLeadDays <= 0 || softwareLeadDays <= 0) {
            throw new IllegalArgumentException("lead times must be positive");
        }
        for (int i = 1; i < phases.size(); i++) {
            if (!phases.get(i).start().isAfter(phases.get(i - 1).start())) {
                throw new IllegalArgumentException("phases must be in order: " + phases.get(i).name());
            }
        }
        if (softwareDue.isBefore(hardwareDue)) {
            throw new IllegalArgumentException("software items cannot be due before hardware items (先硬件后软件)");
        }
    }

    /** STANDARD.md §9: the Dadukou plan's phases. */
    public static Campaign standard() {
        return new Campaign(List.of(
                new Phase("工作筹备 preparation", LocalDate.of(2020, 1, 1), LocalDate.of(2022, 12, 31),
                        "对标摸底，形成问题清单 (baseline, problem list)"),
                new Phase("宣传动员 mobilisation", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30),
                        "制定实施方案，明确部门职责 (plan, responsibilities)"),
                new Phase("扎实创建 build-out", LocalDate.of(2023, 7, 1), LocalDate.of(2024, 3, 31),
                        "全面整改未达标指标 (rectify all unmet indicators)"),
                new Phase("深化巩固 consolidation", LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31),
                        "自查自纠，部门认领任务，核实2024年数据 (self-inspection, verify 2024 data)"),
                new Phase("市级验收 municipal check", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 8, 31),
                        "市级督导评估 (municipal assessment)"),
                new Phase("国家认定 national recognition", LocalDate.of(2025, 9, 1), null,
                        "国家督导评估认定，三年动态监测 (national assessment, dynamic monitoring)")),
                LocalDate.of(2024, 3, 31), LocalDate.of(2025, 3, 31), 90, 180, true);
    }

    /** Hardware before software (先硬件后软件); coefficients of variation follow the indicator they vary. */
    public static boolean hardware(IndicatorCode indicator) {
        IndicatorCode varied = indicator.variedIndicator().orElse(indicator);
        return HARDWARE.contains(varied) || varied == IndicatorCode.RA_SCHOOL;
    }

    /** The least time a 报送 task gets to supply its data. */
    public static final int DATA_LEAD_DAYS = 30;

    /**
     * The due date of a 报送 task opened on {@code openedOn}: the data must be in by the end of consolidation (深化巩固),
     * before the municipal check; a gap found later gets {@value #DATA_LEAD_DAYS} days.
     */
    public LocalDate dataDueDate(LocalDate openedOn) {
        LocalDate earliest = openedOn.plusDays(DATA_LEAD_DAYS);
        return softwareDue.isBefore(earliest) ? earliest : softwareDue;
    }

    /** The due date of a finding raised on {@code raisedOn}. */
    public LocalDate dueDate(IndicatorCode indicator, LocalDate raisedOn) {
        boolean hardware = hardware(indicator);
        LocalDate phaseEnd = hardware ? hardwareDue : softwareDue;
        LocalDate earliest = raisedOn.plusDays(hardware ? hardwareLeadDays : softwareLeadDays);
        return phaseEnd.isBefore(earliest) ? earliest : phaseEnd;
    }
}
