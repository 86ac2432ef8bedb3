package org.junheng.contracts;

import org.junheng.contracts.rectification.TaskEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.evaluation.EvaluationEvent.CountyEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.EvaluationEvent.EvaluationCompleted;
import org.junheng.contracts.evaluation.EvaluationEvent.SchoolEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.SchoolSectionEvaluated;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.evaluation.FindingEvent.FindingReopened;
import org.junheng.contracts.evaluation.FindingEvent.FindingResolved;
import org.junheng.contracts.evaluation.IndicatorValue;
import org.junheng.contracts.evaluation.ReadinessReason;
import org.junheng.contracts.evaluation.ResolutionBasis;
import org.junheng.contracts.evaluation.VarianceShare;
import org.junheng.contracts.evaluation.Variation;
import org.junheng.contracts.notices.Audience;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeEvent.NoticeAcknowledged;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.EscalationLevel;
import org.junheng.contracts.rectification.Milestone;
import org.junheng.contracts.rectification.TaskEvent.DeadlineExtended;
import org.junheng.contracts.rectification.TaskEvent.EvidenceAttached;
import org.junheng.contracts.rectification.TaskEvent.PlanSubmitted;
import org.junheng.contracts.rectification.TaskEvent.ProgressReported;
import org.junheng.contracts.rectification.TaskEvent.SubmittedForVerification;
import org.junheng.contracts.rectification.TaskEvent.TaskAssigned;
import org.junheng.contracts.rectification.TaskEvent.TaskClosed;
import org.junheng.contracts.rectification.TaskEvent.TaskEscalated;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;
import org.junheng.contracts.rectification.TaskEvent.TaskOverdue;
import org.junheng.contracts.rectification.TaskEvent.TaskReassigned;
import org.junheng.contracts.rectification.TaskEvent.TaskRejected;
import org.junheng.contracts.rectification.TaskEvent.TaskVerified;
import org.junheng.contracts.rectification.VerificationMethod;
import org.junheng.contracts.schooldata.AttestationEvent.AttestationRecorded;
import org.junheng.contracts.schooldata.AttestationGrade;
import org.junheng.contracts.schooldata.AttestationVerdict;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted;
import org.junheng.contracts.schooldata.Facilities;
import org.junheng.contracts.schooldata.FigureValue;
import org.junheng.contracts.schooldata.Funds;
import org.junheng.contracts.schooldata.QualificationCounts;
import org.junheng.contracts.schooldata.RetentionCohort;
import org.junheng.contracts.schooldata.SchoolEvent.SchoolClosed;
import org.junheng.contracts.schooldata.SchoolEvent.SchoolMerged;
import org.junheng.contracts.schooldata.SchoolEvent.SchoolProfileChanged;
import org.junheng.contracts.schooldata.SchoolEvent.SchoolRegistered;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent.SchoolStatisticsCorrected;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent.SchoolStatisticsSubmitted;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.contracts.schooldata.Teachers;

/**
 * One realistic instance of every published event type, told as one story in 大渡口区 (500104): the 2024 data of
 * 重庆市大渡口区实验小学 show too little sports area per pupil (RA5), a finding is raised, and its rectification runs
 * from opening to closure. Figures are invented but consistent with the formulas of STANDARD.md.
 */
final class SampleEvents {

    static final String DISTRICT = "500104";
    static final int PERIOD = 2024;
    static final String STANDARD = "CN-2017";

    static final String SHIYAN_CODE = "2150010401";
    static final String SHIYAN_NAME = "重庆市大渡口区实验小学";
    static final String GANGCHENG_CODE = "2150010412";
    static final String GANGCHENG_NAME = "重庆市大渡口区钢城实验学校";

    static final Department EDUCATION_COMMISSION = new Department("jw", "区教委");
    static final Department FINANCE_BUREAU = new Department("cz", "区财政局");
    static final Department PLANNING_BUREAU = new Department("gh", "区规划自然资源局");
    static final Department HUMAN_RESOURCES_BUREAU = new Department("rs", "区人力社保局");
    static final Department JIUGONGMIAO_STREET = new Department("jgm", "九宫庙街道");

    static final Person SUPERVISOR = new Person("u-wang.min", "王敏");
    static final Person SCHOOL_AFFAIRS_HEAD = new Person("u-liu.yang", "刘洋");
    static final Person LEADING_GROUP_OFFICE_HEAD = new Person("u-zhao.gang", "赵刚");

    static final Subject SHIYAN_PRIMARY = Subject.schoolSection(SHIYAN_CODE, SHIYAN_NAME, Section.P);
    static final UUID SPORTS_AREA_FINDING = FindingIds.derive(DISTRICT, PERIOD, SHIYAN_PRIMARY, IndicatorCode.RA5);
    static final UUID CLASS_SIZE_FINDING = FindingIds.derive(DISTRICT, PERIOD, SHIYAN_PRIMARY, IndicatorCode.GG5);
    static final UUID MUSIC_ROOMS_FINDING =
            FindingIds.derive(DISTRICT, PERIOD, Subject.school(SHIYAN_CODE, SHIYAN_NAME), IndicatorCode.GG3);
    static final UUID SPORTS_AREA_PROJECT = UUID.fromString("8a0d6c1e-52f3-4b7e-b1a4-0c9e8d7f6a51");
    static final UUID SPORTS_AREA_TASK = UUID.fromString("3f1c2a9e-7b41-4d0c-9a55-1e2d3c4b5a69");
    static final UUID OVERDUE_NOTICE = UUID.fromString("9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    private static final EvidenceReference ROOFTOP_ACCEPTANCE_REPORT = new EvidenceReference(
            "屋顶运动场竣工验收报告.pdf",
            "f8c5e47a6b34d3315134b9348c642bfc208ac3c94463ec510af0568d897bd867",
            "s3://junheng-evidence/500104/tasks/3f1c2a9e-7b41-4d0c-9a55-1e2d3c4b5a69/屋顶运动场竣工验收报告.pdf");

    private SampleEvents() {
    }

    /** One event of every catalogue entry, in catalogue order. */
    static List<PublishedEvent> all() {
        return List.of(
                schoolRegistered(),
                new SchoolProfileChanged(DISTRICT, GANGCHENG_CODE, gangchengProfile(), "初中部寄宿楼投入使用，改为寄宿制学校"),
                new SchoolClosed(DISTRICT, "2150010440", "重庆市大渡口区跳磴镇石盘教学点", LocalDate.of(2024, 7, 31),
                        "生源不足，学生并入跳磴小学"),
                new SchoolMerged(DISTRICT, "2150010438", "重庆市大渡口区建胜小学新华分校", "2150010437",
                        "重庆市大渡口区建胜小学", LocalDate.of(2024, 8, 31)),
                statisticsSubmitted(),
                statisticsCorrected(),
                new CountyFiguresSubmitted(DISTRICT, PERIOD, CountyFigureSetKind.TEACHER_PAY, HUMAN_RESOURCES_BUREAU,
                        List.of(new FigureValue("teacherAveragePay", null, new BigDecimal("142360.00")),
                                new FigureValue("civilServantAveragePay", null, new BigDecimal("139800.00")))),
                new AttestationRecorded(DISTRICT, PERIOD, IndicatorCode.EQ6, Subject.school(SHIYAN_CODE, SHIYAN_NAME),
                        AttestationVerdict.MET, AttestationGrade.GOOD,
                        List.of(new EvidenceReference("德育工作自评报告.pdf",
                                "88f22cd1a28c0698c9f5a0f61dcce667db5bb4b5882d639a2748d4bb77e5cdd6",
                                "s3://junheng-evidence/500104/attestations/2024/EQ6/2150010401/德育工作自评报告.pdf")),
                        SUPERVISOR, LocalDate.of(2024, 11, 12), "德育课程体系完整，校园文化建设特色鲜明"),

                schoolSectionEvaluated(),
                new SchoolEvaluated(DISTRICT, PERIOD, STANDARD, SHIYAN_CODE, SHIYAN_NAME,
                        List.of(new IndicatorValue(IndicatorCode.GG3, new BigDecimal("3"), new BigDecimal("4"), false,
                                        Severity.COUNTY_RULE, "达到面积标准的音乐专用教室3间，按40个班应配4间"),
                                new IndicatorValue(IndicatorCode.EQ6, null, null, true))),
                countyEvaluated(),
                new ReadinessChanged(DISTRICT, PERIOD, STANDARD, false,
                        List.of(new ReadinessReason(IndicatorCode.RA_SCHOOL, "2个学校学段未达到校级资源配置标准"),
                                new ReadinessReason(IndicatorCode.GG5, "3所学校存在超过标准班额的班级"),
                                new ReadinessReason(null, "尚未取得市级督导评估验收通知")),
                        17),
                new EvaluationCompleted(DISTRICT, PERIOD, STANDARD, 41, 0, List.of(SPORTS_AREA_FINDING), List.of(),
                        List.of(CLASS_SIZE_FINDING), 17, false),
                new FindingRaised(SPORTS_AREA_FINDING, DISTRICT, PERIOD, SHIYAN_PRIMARY, IndicatorCode.RA5,
                        new BigDecimal("7.36"), new BigDecimal("7.5"),
                        "生均体育运动场馆面积7.36㎡，低于标准7.5㎡，差0.14㎡",
                        Severity.UNMET_SCHOOL_STILL_PASSES, STANDARD),
                new FindingResolved(CLASS_SIZE_FINDING, DISTRICT, PERIOD, SHIYAN_PRIMARY, IndicatorCode.GG5,
                        ResolutionBasis.DATA, new BigDecimal("45"), new BigDecimal("45"), STANDARD),
                new FindingReopened(MUSIC_ROOMS_FINDING, DISTRICT, PERIOD, Subject.school(SHIYAN_CODE, SHIYAN_NAME),
                        IndicatorCode.GG3, new BigDecimal("3"), new BigDecimal("4"),
                        "达到面积标准的音乐专用教室3间，按40个班应配4间", Severity.COUNTY_RULE, STANDARD,
                        "复核发现新建音乐教室面积75㎡，低于96㎡的标准"),

                new TaskOpened(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, PERIOD, SHIYAN_PRIMARY,
                        IndicatorCode.RA5, Severity.UNMET_SCHOOL_STILL_PASSES,
                        "重庆市大渡口区实验小学生均体育运动场馆面积未达标",
                        "生均体育运动场馆面积7.36㎡，低于标准7.5㎡，差0.14㎡",
                        EDUCATION_COMMISSION, List.of(PLANNING_BUREAU, FINANCE_BUREAU, JIUGONGMIAO_STREET),
                        LocalDate.of(2025, 3, 31)),
                new TaskAssigned(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, EDUCATION_COMMISSION,
                        SCHOOL_AFFAIRS_HEAD),
                new PlanSubmitted(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING,
                        "改造教学楼屋顶为运动场地，并租用九宫庙街道文体中心运动场馆",
                        List.of(new Milestone("完成屋顶运动场改造设计", LocalDate.of(2024, 12, 31)),
                                new Milestone("签订校外场馆租用协议", LocalDate.of(2025, 1, 31))),
                        LocalDate.of(2025, 3, 15), SCHOOL_AFFAIRS_HEAD),
                new ProgressReported(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, 60,
                        "屋顶运动场主体施工完成，正在铺设塑胶面层", SCHOOL_AFFAIRS_HEAD),
                new EvidenceAttached(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, ROOFTOP_ACCEPTANCE_REPORT,
                        SCHOOL_AFFAIRS_HEAD),
                new SubmittedForVerification(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, 2,
                        "屋顶运动场已竣工验收，新增运动场地面积380㎡，生均达到7.57㎡", SCHOOL_AFFAIRS_HEAD),
                new TaskVerified(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, VerificationMethod.JUDGMENT,
                        SUPERVISOR, "经现场核查，新增场地面积与测绘报告一致"),
                new TaskRejected(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, 1, "竣工验收报告缺少面积测绘数据",
                        SUPERVISOR),
                new DeadlineExtended(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, LocalDate.of(2025, 3, 31),
                        LocalDate.of(2025, 6, 30), "屋顶改造须避开学期施工，顺延至暑期前完成", LEADING_GROUP_OFFICE_HEAD),
                new TaskOverdue(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, EDUCATION_COMMISSION,
                        LocalDate.of(2025, 6, 30)),
                new TaskEscalated(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, EDUCATION_COMMISSION,
                        EscalationLevel.LEADING_GROUP_OFFICE, "逾期30日仍未提交核验"),
                new TaskClosed(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, ClosureReason.RECTIFIED, "经督导核验销号"),
                new TaskReassigned(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, EDUCATION_COMMISSION,
                        PLANNING_BUREAU, "校外场馆租用需由规划部门牵头协调", LEADING_GROUP_OFFICE_HEAD),
                new TaskEvent.TaskDueSoon(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING, EDUCATION_COMMISSION,
                        LocalDate.of(2025, 3, 31), 7),
                new TaskEvent.TaskReopened(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING,
                        "复核数据再次未达标 (the corrected data no longer meet the standard)", LocalDate.of(2025, 6, 30)),
                new TaskEvent.AccountabilityRecorded(SPORTS_AREA_TASK, DISTRICT, SPORTS_AREA_FINDING,
                        org.junheng.contracts.rectification.Accountability.INTERVIEW, EDUCATION_COMMISSION,
                        "王强（区教委副主任）", LocalDate.of(2025, 9, 15), "任务经三级督办仍未完成",
                        "表态：10月底前完成屋顶运动场验收", SUPERVISOR),
                new org.junheng.contracts.rectification.RecognitionEvent.RecognitionStageRecorded(DISTRICT,
                        org.junheng.contracts.rectification.RecognitionEvent.Stage.MUNICIPAL_ASSESSMENT,
                        LocalDate.of(2025, 6, 30), org.junheng.contracts.rectification.RecognitionEvent.Outcome.PASSED,
                        null, "渝教督〔2025〕12号", "市级督导评估通过，反馈问题12项", SUPERVISOR),
                new org.junheng.contracts.rectification.RecognitionEvent.RecognitionAtRisk(DISTRICT, 2027,
                        SPORTS_AREA_FINDING, IndicatorCode.RA5, "动态监测：2025年已整改销号，2027年再次未达标"),
                new org.junheng.contracts.rectification.PlanEvent.PlanVersionDrafted(DISTRICT, PERIOD, 2,
                        "大渡口区义务教育优质均衡发展整改方案", LocalDate.of(2024, 12, 20),
                        List.of(new org.junheng.contracts.rectification.PlanEvent.PlanItem(SPORTS_AREA_TASK, "RA5",
                                "重庆市大渡口区实验小学生均体育运动场馆面积未达标", EDUCATION_COMMISSION,
                                List.of(PLANNING_BUREAU, FINANCE_BUREAU), LocalDate.of(2025, 3, 31),
                                "改造教学楼屋顶为运动场地，并租用九宫庙街道文体中心运动场馆", SPORTS_AREA_PROJECT)),
                        "按市级督导评估反馈调整", SUPERVISOR),
                new org.junheng.contracts.rectification.PlanEvent.PlanApproved(DISTRICT, PERIOD, 2,
                        LocalDate.of(2024, 12, 27), "区义务教育优质均衡发展领导小组第3次会议", "大渡口府办〔2024〕88号",
                        List.of(EDUCATION_COMMISSION), 1, SUPERVISOR),
                new org.junheng.contracts.rectification.PlanEvent.ProjectDefined(DISTRICT, PERIOD, SPORTS_AREA_PROJECT,
                        "实验小学屋顶运动场改造", EDUCATION_COMMISSION, List.of(SPORTS_AREA_TASK),
                        new java.math.BigDecimal("380.5"), "区级财政预算",
                        List.of(new Milestone("完成屋顶运动场改造设计", LocalDate.of(2024, 12, 31)),
                                new Milestone("竣工验收", LocalDate.of(2025, 3, 15))), SUPERVISOR),
                new org.junheng.contracts.rectification.PlanEvent.MilestoneReached(DISTRICT, PERIOD,
                        SPORTS_AREA_PROJECT, "完成屋顶运动场改造设计", LocalDate.of(2024, 12, 28), "设计方案已评审",
                        SUPERVISOR),
                new org.junheng.contracts.rectification.UnitEvent.ResponsibleLeaderNamed(DISTRICT, FINANCE_BUREAU,
                        "李明", "区财政局局长", LocalDate.of(2024, 3, 1), "大渡口教督〔2024〕3号", SUPERVISOR),
                new org.junheng.contracts.rectification.UnitEvent.UnitAccountabilityRecorded(DISTRICT, FINANCE_BUREAU,
                        org.junheng.contracts.rectification.Accountability.INTERVIEW, "李明（区财政局局长）",
                        LocalDate.of(2025, 9, 20), "生均公用经费连续两年未按标准拨付", "表态：年底前补足拨付", SUPERVISOR),

                noticeIssued(),
                new NoticeAcknowledged(OVERDUE_NOTICE, DISTRICT, new Audience(AudienceKind.DEPARTMENT, "jw"),
                        SCHOOL_AFFAIRS_HEAD, "已收悉，立即组织整改"),

                new org.junheng.contracts.operations.OperationsEvent.RecordParked(DISTRICT, "rectification",
                        "rectification/evaluation", 7, Topics.EVALUATION, 0, 4711, "INVALID_PAYLOAD"));
    }

    static SchoolRegistered schoolRegistered() {
        return new SchoolRegistered(DISTRICT, SHIYAN_CODE, shiyanProfile());
    }

    static SchoolProfile shiyanProfile() {
        return new SchoolProfile(SHIYAN_NAME, SchoolType.PRIMARY, LocationClass.URBAN, Ownership.PUBLIC, false, 1956,
                List.of(SchoolFlag.DENSE_CITY_CORE));
    }

    private static SchoolProfile gangchengProfile() {
        return new SchoolProfile(GANGCHENG_NAME, SchoolType.NINE_YEAR, LocationClass.URBAN, Ownership.PUBLIC, true,
                2009, List.of());
    }

    /** 1850 pupils in 40 classes; RA5 = (620 + 11800 + 1200) ÷ 1850 = 7.36 m², below 7.5. */
    static SchoolStatisticsSubmitted statisticsSubmitted() {
        SectionStatistics primary = new SectionStatistics(Section.P, 1850, 40, 46, List.of(46, 45, 45, 44, 47),
                212, 1850,
                new Teachers(new QualificationCounts(0, 8, 92, 6, 0), 105, 21, 8, 4, 4, 1, 0, 104),
                null);
        Facilities wholeSchool = new Facilities(new BigDecimal("9200.00"), new BigDecimal("620.00"),
                new BigDecimal("620.00"), new BigDecimal("11800.00"), new BigDecimal("1200.00"),
                new BigDecimal("4350000.00"), 44,
                List.of(new BigDecimal("98.50"), new BigDecimal("96.00"), new BigDecimal("75.00")),
                List.of(new BigDecimal("92.00"), new BigDecimal("90.00"), new BigDecimal("90.00")));
        SchoolStatistics statistics = new SchoolStatistics(List.of(primary), 0, wholeSchool,
                new Funds(new BigDecimal("1665000.00"), new BigDecimal("90000.00"), null), null);
        return new SchoolStatisticsSubmitted(DISTRICT, SHIYAN_CODE, PERIOD, shiyanProfile(), statistics);
    }

    /** A nine-year school reporting its facilities already split per section, with the junior retention cohort. */
    private static SchoolStatisticsCorrected statisticsCorrected() {
        SectionStatistics primary = new SectionStatistics(Section.P, 1120, 26, 45, List.of(), 96, 1120,
                new Teachers(new QualificationCounts(0, 12, 58, 2, 0), 72, 12, 5, 3, 3, 0, 0, 71),
                new Facilities(new BigDecimal("5400.00"), new BigDecimal("300.00"), new BigDecimal("300.00"),
                        new BigDecimal("8600.00"), null, new BigDecimal("2400000.00"), 27,
                        List.of(new BigDecimal("96.00"), new BigDecimal("96.00")),
                        List.of(new BigDecimal("90.00"), new BigDecimal("91.50"))));
        SectionStatistics junior = new SectionStatistics(Section.J, 860, 18, 50, List.of(), 70, 845,
                new Teachers(new QualificationCounts(0, 3, 66, 9, 1), 79, 11, 5, 2, 2, 1, 0, 77),
                new Facilities(new BigDecimal("5300.00"), new BigDecimal("820.00"), new BigDecimal("820.00"),
                        new BigDecimal("8400.00"), null, new BigDecimal("2250000.00"), 21,
                        List.of(new BigDecimal("98.00")),
                        List.of(new BigDecimal("92.00"))));
        SchoolStatistics statistics = new SchoolStatistics(List.of(primary, junior), 0, null,
                new Funds(new BigDecimal("1980000.00"), new BigDecimal("105000.00"), null),
                new RetentionCohort(2021, 292, 287, 6, 9, 0));
        return new SchoolStatisticsCorrected(DISTRICT, GANGCHENG_CODE, PERIOD, gangchengProfile(), statistics,
                "初中部体育馆面积误填为室外运动场地面积，按竣工验收资料更正");
    }

    private static SchoolSectionEvaluated schoolSectionEvaluated() {
        return new SchoolSectionEvaluated(DISTRICT, PERIOD, STANDARD, SHIYAN_CODE, SHIYAN_NAME, Section.P, 1850,
                List.of(value(IndicatorCode.RA1, "5.73", "4.2", true),
                        value(IndicatorCode.RA2, "1.14", "1.0", true),
                        value(IndicatorCode.RA3, "0.92", "0.9", true),
                        value(IndicatorCode.RA4, "4.64", "4.5", true),
                        new IndicatorValue(IndicatorCode.RA5, new BigDecimal("7.36"), new BigDecimal("7.5"), false,
                                Severity.UNMET_SCHOOL_STILL_PASSES, "生均体育运动场馆面积7.36㎡，低于标准7.5㎡，差0.14㎡"),
                        value(IndicatorCode.RA6, "2351.35", "2000", true),
                        value(IndicatorCode.RA7, "2.38", "2.3", true),
                        value(IndicatorCode.GG5, "46", "45", false)),
                true);
    }

    private static CountyEvaluated countyEvaluated() {
        Variation sportsAreaPrimary = new Variation(IndicatorCode.CV_RA5_P, 21, 26410L, new BigDecimal("8.12"),
                new BigDecimal("3.02"), new BigDecimal("0.372"), new BigDecimal("0.50"), true,
                List.of(new VarianceShare(SHIYAN_CODE, SHIYAN_NAME, 1850, new BigDecimal("7.36"), new BigDecimal("0.004")),
                        new VarianceShare("2150010405", "重庆市大渡口区育才小学", 2010, new BigDecimal("4.85"),
                                new BigDecimal("0.089"))));
        Variation floorAreaJunior = new Variation(IndicatorCode.CV_RA4_J, 9, 11930L, new BigDecimal("7.05"),
                new BigDecimal("3.31"), new BigDecimal("0.469"), new BigDecimal("0.45"), false,
                List.of(new VarianceShare("2150010421", "重庆市第九十五初级中学校", 1480, new BigDecimal("3.90"),
                        new BigDecimal("0.213"))));
        return new CountyEvaluated(DISTRICT, PERIOD, STANDARD, 41, 39, List.of(sportsAreaPrimary, floorAreaJunior),
                List.of(value(IndicatorCode.GG8, "142360.00", "139800.00", true),
                        value(IndicatorCode.SR1, "0.912", "0.85", true),
                        new IndicatorValue(IndicatorCode.GG1, null, null, true)),
                List.of(new org.junheng.contracts.evaluation.CatchmentRatio(Section.P, 26690, 26652,
                        new BigDecimal("0.9986"), "13326/13345", BigDecimal.ONE, false,
                        List.of(new org.junheng.contracts.evaluation.CatchmentRatio.CatchmentContribution("2150473309",
                                "重庆市大渡口区钢花小学", 1420, 1382, 38, BigDecimal.ONE),
                                new org.junheng.contracts.evaluation.CatchmentRatio.CatchmentContribution("2150202506",
                                        "重庆市大渡口区实验小学", 2480, 2480, 0, BigDecimal.ZERO)))));
    }

    private static NoticeIssued noticeIssued() {
        return new NoticeIssued(OVERDUE_NOTICE, DISTRICT, new Audience(AudienceKind.DEPARTMENT, "jw"),
                NoticeKind.OVERDUE_WARNING, NoticeSeverity.WARNING,
                "关于重庆市大渡口区实验小学体育运动场馆整改任务逾期的预警",
                "区教委：你单位牵头的重庆市大渡口区实验小学生均体育运动场馆面积整改任务已超过整改期限（2025年6月30日），"
                        + "请于7日内提交整改进展并说明逾期原因。",
                "大渡口教督〔2025〕7号", List.of(SPORTS_AREA_FINDING), List.of(SPORTS_AREA_TASK), List.of(SHIYAN_CODE),
                SUPERVISOR);
    }

    private static IndicatorValue value(IndicatorCode indicator, String measured, String required, boolean met) {
        return new IndicatorValue(indicator, new BigDecimal(measured), new BigDecimal(required), met);
    }
}
