package org.junheng.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junheng.infra.DevTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The console in a real Chromium (Debian's, driven by Playwright) against the packaged services on the sample
 * district: each role's main journey as a county official would walk it, a notice arriving live, sign-out and an
 * expired session. Screenshots of every page land in {@code e2e/target/console-screenshots} (docs/console.md shows
 * them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleTest {

    static final String DISTRICT = "500116";
    static final String GANGHUA = "2150473309";
    static final Path SHOTS = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolve(
            "target/console-screenshots");

    static Cluster cluster;
    static String console;
    static Playwright playwright;
    static Browser browser;
    static final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        cluster = new Cluster();
        cluster.startAll();
        SampleDistrict.load(cluster.url("school-intake"), DISTRICT, () -> { });
        String tasks = cluster.url("rectification") + "/api/v1/tasks?district=" + DISTRICT + "&kind=RECTIFICATION";
        await().atMost(Duration.ofSeconds(90)).until(() -> Api.getAnswer(tasks).status() == 200
                && Api.get(tasks).size() == 19);
        console = cluster.startConsole(DISTRICT);
        Files.createDirectories(SHOTS);
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stop() throws Exception {
        contexts.forEach(BrowserContext::close);
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theOfficeFindsWhyTheDistrictIsNotReady() {
        Page page = signIn("王督学");
        assertTrue(page.url().endsWith("/overview"), page.url());
        assertTrue(page.locator("#verdict").innerText().contains("尚不具备市级督导评估验收条件"));
        assertTrue(page.locator("#as-of").innerText().matches("数据截至 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(北京时间\\)（第 \\d+ 条记录）"),
                page.locator("#as-of").innerText());
        JsonNode readiness = Api.get(cluster.url("indicator-evaluation") + "/api/v1/districts/" + DISTRICT
                + "/periods/2024/readiness");
        // every reason the evaluation gives, grouped, none lost
        assertEquals(readiness.path("reasons").size(), page.locator("#reasons li").count());
        // grouped as the evaluation classes them: unmet, awaiting the office's judgment, data not submitted
        List<String> groups = page.locator("#reasons h3").allInnerTexts();
        assertTrue(groups.size() == 3 && groups.get(0).startsWith("未达标") && groups.get(1).startsWith("待督导认定")
                && groups.get(2).startsWith("数据未报送"), groups.toString());
        assertTrue(page.locator("#reasons h3 + ul").nth(1).innerText().contains("GG1"), "GG1 awaits a judgment");
        assertTrue(page.locator("#reasons h3 + ul").nth(2).innerText().contains("V1"), "the veto declarations are data");
        // the 14 coefficients drawn against their limits, the failing one named
        page.locator("#cv-chart[data-rendered='14']").waitFor();
        assertTrue(page.locator("#cv-chart svg").count() == 1);
        // tasks by department link to the filtered board
        page.locator("#tasks-by-department a", new Page.LocatorOptions().setHasText("区财政局")).first().click();
        page.waitForURL("**/tasks?department=cz&kind=RECTIFICATION");
        // the tasks it leads and those it helps with, as the service counts them
        assertEquals(Api.get(cluster.url("rectification") + "/api/v1/tasks?district=" + DISTRICT + "&department=cz"
                + "&kind=RECTIFICATION").size(), page.locator("table.board tbody tr").count());
        assertFalse(page.content().contains("TaskOpened") || page.content().contains("null"));
        screenshot(page, "office-board-filtered");
        // the data the evaluation lacks are 报送 tasks, counted apart and one click away
        page.navigate(console + "/overview");
        int dataTasks = Api.get(cluster.url("rectification") + "/api/v1/tasks?district=" + DISTRICT
                + "&kind=DATA_SUBMISSION").size();
        assertTrue(dataTasks > 0);
        assertTrue(page.locator("#data-tasks").innerText().contains("报送任务 " + dataTasks + " 项"),
                page.locator("#data-tasks").innerText());
        page.locator("#data-tasks a").click();
        page.waitForURL("**/tasks?kind=DATA_SUBMISSION");
        assertEquals(dataTasks, page.locator("table.board tbody tr").count());
        assertEquals(dataTasks, page.locator("table.board tbody .tag", new Page.LocatorOptions().setHasText("报送"))
                .count());
        screenshot(page, "office-data-tasks");
        page.navigate(console + "/overview");
        page.locator("#cv-chart[data-rendered='14']").waitFor();
        screenshot(page, "office-overview");
        assertNoHorizontalScroll(page);
    }

    @Test
    @Order(2)
    void theOfficeReadsTheLedgersTheCoefficientsAndTheMatrixAndSimulatesAFix() throws Exception {
        Page office = signIn("王督学");
        office.navigate(console + "/ledger");
        JsonNode unmet = Api.get(cluster.url("indicator-evaluation") + "/api/v1/districts/" + DISTRICT
                + "/periods/2024/ledger?ledger=UNMET");
        assertEquals(unmet.path("lines").size(), office.locator("#ledger-lines tbody tr").count());
        screenshot(office, "office-ledger");
        // filtered by category in the page, by school in the service
        office.locator("select[name=category]").selectOption("RESOURCE_ALLOCATION");
        office.locator("select[name=school]").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("重庆市大渡口区实验小学"));
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        office.waitForLoadState();
        List<String> indicators = office.locator("#ledger-lines tbody td:nth-child(3)").allInnerTexts();
        assertTrue(!indicators.isEmpty() && indicators.stream().allMatch(i -> i.startsWith("RA")), indicators.toString());
        // the same selection as a workbook
        var download = office.waitForDownload(() -> office.locator("a[download]").click());
        byte[] workbook = Files.readAllBytes(download.path());
        assertTrue(workbook.length > 1000 && workbook[0] == 'P' && workbook[1] == 'K', "an XLSX (zip) workbook");
        // before the first evaluation there was no ledger: the page says so
        office.navigate(console + "/ledger?asOf=2001-01-01");
        assertTrue(office.locator("#ledger-lines").innerText().contains("尚未评估"));

        office.navigate(console + "/variation");
        assertTrue(office.locator("#shares h2").innerText().contains("CV-RA5-P"), office.locator("#shares h2").innerText());
        assertTrue(office.locator("#shares").innerText().contains("高于平均")
                && office.locator("#shares").innerText().contains("低于平均"));
        // 整改建议: the least addition at one school, and a spread plan, each checked by the evaluation
        String remedies = office.locator("#remedies").innerText();
        assertTrue(remedies.contains("单校方案") && remedies.contains("分散方案"), remedies);
        assertTrue(remedies.contains("m² 体育运动场馆"), remedies);
        java.util.regex.Matcher reached = java.util.regex.Pattern.compile("差异系数降至 (\\d\\.\\d{4})").matcher(remedies);
        int checked = 0;
        while (reached.find()) {
            assertTrue(new java.math.BigDecimal(reached.group(1)).compareTo(new java.math.BigDecimal("0.50")) <= 0,
                    "each option brings the coefficient within the limit 0.50: " + remedies);
            checked++;
        }
        assertEquals(2, checked, remedies);
        assertFalse(remedies.matches("(?s).*\\d{10}.*"), "no school codes: " + remedies);
        // what if the school furthest below the mean gets 3,000 m² more sports ground: the coefficient moves
        String lowest = lowestSchool("CV-RA5-P");
        office.locator("select[name=school]").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(lowest));
        office.locator("select[name=change]").selectOption("sports");
        office.locator("input[name=amount]").fill("3000");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("模拟")).click();
        office.locator("#simulation-variations").waitFor();
        Locator row = office.locator("#simulation-variations tbody tr").first();
        assertTrue(row.innerText().contains("CV-RA5-P"), row.innerText());
        double before = Double.parseDouble(row.locator("td").nth(1).innerText());
        double after = Double.parseDouble(row.locator("td").nth(2).innerText());
        assertTrue(after < before, "more ground where it is scarcest narrows the gap: " + before + " → " + after);
        assertEquals(office.url(), console + "/variation", "htmx swapped the result into the page");
        screenshot(office, "office-variation-simulation");

        office.navigate(console + "/matrix");
        assertEquals(35, office.locator("#matrix tbody tr").count());
        assertTrue(office.locator("#matrix td.cell.unmet").count() > 0 && office.locator("#matrix td.cell.met").count()
                > 0);
        screenshot(office, "office-matrix");
        assertNoHorizontalScroll(office);
        office.locator("#matrix tbody a", new Page.LocatorOptions().setHasText("实验小学")).first().click();
        office.waitForURL("**/tasks?school=*");
        assertTrue(office.locator("table.board tbody tr").count() > 0);
    }

    /** The school section furthest below the mean of a coefficient, as the evaluation reports it. */
    private static String lowestSchool(String cv) {
        JsonNode variation = Api.get(cluster.url("indicator-evaluation") + "/api/v1/districts/" + DISTRICT
                + "/periods/2024/variation");
        for (JsonNode v : variation) {
            if (v.path("indicator").asText().equals(cv)) {
                JsonNode lowest = null;
                for (JsonNode share : v.path("shares")) {
                    if (lowest == null || share.path("value").decimalValue().compareTo(lowest.path("value")
                            .decimalValue()) < 0) {
                        lowest = share;
                    }
                }
                // the console's tables leave out the county's own name
                return lowest.path("schoolName").asText().replaceFirst("^重庆市大渡口区", "");
            }
        }
        throw new IllegalStateException(cv + " not computed");
    }

    @Test
    @Order(3)
    void aDepartmentPlansAttachesEvidenceAndSubmitsWhileTheOfficeWatchesNoticesLive() throws Exception {
        Page office = signIn("王督学");
        office.navigate(console + "/notices");
        office.locator("#notices li").first().waitFor();
        int before = office.locator("#notices li").count();
        screenshot(office, "office-notices");

        Page jw = signIn("李明");
        assertTrue(jw.url().endsWith("/my-tasks"), jw.url());
        assertEquals(17, jw.locator("#lead table.board tbody tr").count());
        screenshot(jw, "department-my-tasks");
        // the county's GG13 task: 钢花小学's 38 pupils from outside the catchment keep the ratio under 100%
        jw.locator("#lead a", new Page.LocatorOptions().setHasText("全区就近划片入学比例")).first().click();
        String taskUrl = jw.url();
        act(jw, "分派责任人");
        assertEquals("已分派", jw.locator("#status").innerText());
        jw.getByLabel("整改措施").fill("严格按学区划片招生，清理跨片入学");
        jw.getByLabel("计划完成日期").fill("2025-08-31");
        act(jw, "提交整改方案");
        jw.getByLabel("完成比例（%）").fill("60");
        jw.getByLabel("进展情况").fill("已核查38名跨片学生");
        act(jw, "报告进展");
        // submitting without evidence: the service's refusal, in words, on the page
        jw.getByLabel("整改情况说明").fill("已完成核查");
        jw.locator("button[data-operation='submit']").click();
        assertTrue(jw.locator("#refusal").innerText().contains("请上传佐证材料"), jw.locator("#refusal").innerText());
        jw.locator("input[type=file]").setInputFiles(new FilePayload("划片入学核查表.pdf", "application/pdf",
                "%PDF-1.4\n% 划片入学核查表\n".getBytes(StandardCharsets.UTF_8)));
        jw.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传").setExact(true)).click();
        jw.waitForLoadState();
        assertTrue(jw.locator("#evidence").innerText().contains("划片入学核查表.pdf"));
        jw.getByLabel("整改情况说明").fill("已完成核查，跨片学生均已回学区");
        act(jw, "提交核验");
        assertEquals("待核验", jw.locator("#status").innerText());
        var notice = jw.waitForDownload(() -> jw.locator("a[href$='supervision-notice.docx']").click());
        byte[] word = Files.readAllBytes(notice.path());
        assertTrue(word.length > 1000 && word[0] == 'P' && word[1] == 'K', "整改督办单 as a Word (docx) document");
        assertEquals(0, jw.locator("#actions button[data-operation='verify']").count(), "the department cannot verify");
        screenshot(jw, "department-task");

        // the office's open notices page shows the request for verification without a reload
        office.locator("#notices li").nth(before).waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertTrue(office.locator("#notices li").first().innerText().contains("核验申请"),
                office.locator("#notices li").first().innerText());
        tasks.put("ganghua", taskUrl);
    }

    static final Map<String, String> tasks = new java.util.HashMap<>();

    @Test
    @Order(4)
    void theOfficeRejectsWithAReasonThenVerifiesTheNextSubmissionAndSignsItOff() {
        Page office = signIn("王督学");
        office.navigate(tasks.get("ganghua"));
        // a reason is required: the browser asks for it; without the browser's check, the service refuses
        office.locator("textarea[name=reason]").first().evaluate("e => e.removeAttribute('required')");
        office.locator("button[data-operation='reject']").click();
        assertTrue(office.locator("#refusal").innerText().contains("退回原因"), office.locator("#refusal").innerText());
        office.getByLabel("退回原因").fill("尚未提供新学年入学数据");
        act(office, "退回");
        assertEquals("整改中（已退回 1 次）", office.locator("#status").innerText());
        // the story is gathered from the services' events: the newest step arrives within seconds
        awaitStory(office, "退回原因：尚未提供新学年入学数据");
        assertTrue(office.locator("#story").innerText().contains("王督学"));

        Page jw = signIn("李明");
        jw.navigate(tasks.get("ganghua"));
        jw.getByLabel("整改情况说明").fill("已补充新学年入学名册");
        act(jw, "提交核验");

        office.navigate(tasks.get("ganghua"));
        office.getByLabel("核验意见（可不填）").fill("材料齐全，核查属实");
        act(office, "核验通过");
        assertTrue(office.locator("#status").innerText().startsWith("已核验"));
        act(office, "销号");
        assertTrue(office.locator("#status").innerText().startsWith("已销号"));
        assertEquals(0, office.locator("#actions").count(), "nothing left to do on a closed task");
        awaitStory(office, "任务关闭");
        String story = office.locator("#story").innerText();
        for (String step : List.of("整改任务下达", "任务分派", "上传佐证材料", "核验不通过", "李明", "王督学")) {
            assertTrue(story.contains(step), step + " missing from " + story);
        }
        for (String forbidden : List.of("TaskOpened", ".v1", "u-jw-17", ";department;")) {
            assertFalse(office.content().contains(forbidden), forbidden);
        }
        screenshot(office, "office-task-closed");
    }

    @Test
    @Order(5)
    void theOfficeExtendsAndReassignsATaskAndADepartmentAcknowledgesItsNotice() {
        Page office = signIn("王督学");
        office.navigate(console + "/tasks?indicator=RA6");
        office.locator("table.board tbody a").first().click();
        String taskUrl = office.url();
        String due = office.locator("#due").innerText().substring(0, 10);
        String later = java.time.LocalDate.parse(due).plusMonths(3).toString();
        office.getByLabel("新的整改期限").fill(later);
        office.locator("form[action$='/extend'] textarea[name=reason]").fill("设备采购须走政府采购程序");
        act(office, "延期");
        assertTrue(office.locator("#due").innerText().startsWith(later), office.locator("#due").innerText());
        office.locator("select[name=to]").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("区财政局"));
        office.locator("form[action$='/reassign'] textarea[name=reason]").fill("经费保障为主，由财政牵头");
        act(office, "改派");
        assertTrue(office.locator("#lead-department").innerText().contains("区财政局"));
        awaitStory(office, "改派区财政局");
        assertTrue(office.locator("#story").innerText().contains("延至" + later));
        // the office summons the new lead's deputy head (约谈): on the task's record, by name
        office.locator("form[action$='/accountability'] select[name=kind]").selectOption("INTERVIEW");
        office.locator("form[action$='/accountability'] input[name=person]").fill("陈芳（区财政局副局长）");
        office.locator("form[action$='/accountability'] input[name=date]").fill("2025-09-15");
        office.locator("form[action$='/accountability'] textarea[name=reason]").fill("经费未按期拨付");
        office.locator("form[action$='/accountability'] textarea[name=outcome]").fill("表态：10月底前拨付到位");
        act(office, "约谈问责");
        awaitStory(office, "约谈：陈芳（区财政局副局长）");
        assertTrue(office.locator("#story").innerText().contains("表态：10月底前拨付到位"));

        // 区财政局 now leads it, and signs for the notice that told it so
        Page cz = signIn("陈芳");
        assertTrue(cz.locator("#lead a[href='" + taskUrl.substring(taskUrl.indexOf("/tasks/")) + "']").count() == 1,
                cz.locator("#lead").innerText());
        cz.navigate(console + "/notices");
        Locator unread = cz.locator("#notices li", new Page.LocatorOptions().setHas(cz.locator("button")));
        unread.first().waitFor();
        String id = unread.first().getAttribute("id");
        unread.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("签收")).click();
        cz.waitForURL("**/notices?acknowledged=1**");
        // recorded in the notice log, listed as signed within seconds
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            cz.reload();
            return cz.locator("#" + id).innerText().contains("已签收");
        });
    }

    @Test
    @Order(6)
    void aDepartmentSubmitsACountyFigureSetAndTheReasonGoes() {
        Page jw = signIn("李明");
        jw.navigate(console + "/figures");
        jw.locator("#TEACHER_PAY input[name='teacherAveragePay.0']").fill("128000");
        jw.locator("#TEACHER_PAY input[name='civilServantAveragePay.0']").fill("121000");
        jw.locator("#TEACHER_PAY button").click();
        jw.waitForURL("**/figures?saved=TEACHER_PAY**");
        assertTrue(jw.locator("#TEACHER_PAY").innerText().contains("已由区教委报送"));
        // GG8's second half: the performance-pay totals fully approved
        jw.locator("#PERFORMANCE_PAY input[name='performancePayFullyApproved.0']").fill("1");
        jw.locator("#PERFORMANCE_PAY button").click();
        jw.waitForURL("**/figures?saved=PERFORMANCE_PAY**");
        screenshot(jw, "department-county-figures");
        // another department sees the set and who owns it, without a form
        Page cz = signIn("陈芳");
        cz.navigate(console + "/figures");
        assertEquals(0, cz.locator("#TEACHER_PAY form").count());
        assertTrue(cz.locator("#TEACHER_PAY").innerText().contains("128000"));
        // the evaluation runs again: GG8 is no longer missing its data
        Page office = signIn("王督学");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            office.navigate(console + "/overview");
            String reasons = office.locator("#reasons").innerText();
            return !reasons.contains("teacherAveragePay") && !reasons.contains("performancePayFullyApproved");
        });
    }

    /**
     * 区教委 imports for every school: the year's figures pre-filled, imported back unchanged; a file with a mistake
     * is refused with its row and column, and nothing is stored.
     */
    @Test
    @Order(7)
    void theEducationCommissionImportsTheSchoolsFiguresFromASpreadsheet() throws Exception {
        Page jw = signIn("李明");
        jw.navigate(console + "/imports");
        com.microsoft.playwright.Download download = jw.waitForDownload(() ->
                jw.locator("#templates a[href='/imports/filled.xlsx?year=2024']").click());
        java.nio.file.Path filled = download.path();
        byte[] bytes = java.nio.file.Files.readAllBytes(filled);
        assertTrue(bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K', "an XLSX (zip) file");
        jw.locator("#import-form input[name=file]").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "大渡口区2024年度.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes));
        jw.locator("#import-form button").click();
        jw.locator("#import-summary").waitFor();
        assertTrue(jw.locator("#import-summary").innerText().contains("与已报送数据相同"),
                jw.locator("#import-summary").innerText());
        screenshot(jw, "department-import");
        // a CSV with a pupil count that is not a number: every problem at its row and column, nothing stored
        String csv = "\uFEFF学校标识码,学段（小学/初中）,在校生数（人）\r\n2150202506,小学,很多\r\n";
        jw.locator("#import-form input[name=file]").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "有错误.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        jw.locator("#import-form button").click();
        jw.locator("#problems").waitFor();
        assertTrue(jw.locator("#refusal").innerText().contains("处问题"), jw.locator("#refusal").innerText());
        assertTrue(jw.locator("#problems tbody tr").count() > 0);
        screenshot(jw, "department-import-problems");
    }

    @Test
    @Order(8)
    void theOfficeAttestsForTheCountyAndForEverySchoolAtOnce() {
        Page office = signIn("王督学");
        office.navigate(console + "/attestations");
        office.locator("select[name=indicator]").selectOption("GG1");
        office.locator("select[name=verdict]").selectOption("MET");
        office.locator("input[name=assessedOn]").fill("2025-03-20");
        office.getByLabel("认定意见").fill("学校布局规划已经区政府批复");
        office.locator("input[type=file]").setInputFiles(new FilePayload("布局规划批复.pdf", "application/pdf",
                "%PDF-1.4 布局规划".getBytes(StandardCharsets.UTF_8)));
        office.getByLabel("佐证材料存放位置（档案号或网址）").fill("区教委档案室 2025-规-003");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("记录认定")).click();
        office.waitForURL("**/attestations?saved=1");
        assertTrue(office.locator("#indicators").innerText().contains("最近一次：达标（2025-03-20，王督学）"),
                office.locator("#indicators").innerText());
        // EQ3 is judged per school: one judgment for all 32
        office.locator("select[name=indicator]").selectOption("EQ3");
        office.locator("select[name=school]").selectOption("ALL");
        office.locator("input[name=assessedOn]").fill("2025-03-21");
        office.locator("input[type=file]").setInputFiles(new FilePayload("章程核查表.xlsx",
                "application/octet-stream", "章程".getBytes(StandardCharsets.UTF_8)));
        office.getByLabel("佐证材料存放位置（档案号或网址）").fill("区教委档案室 2025-章-001");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("记录认定")).click();
        office.waitForURL("**/attestations?saved=32");
        assertTrue(office.locator("#indicators").innerText().contains("已认定 32 所学校"));
        // the precondition: the year of the 基本均衡 recognition, registered here — first without the yearly monitoring
        office.locator("#basic-balance input[name=year]").fill("2014");
        office.locator("#basic-balance button").click();
        office.waitForURL("**/attestations?recognised=1");
        assertEquals("2014", office.locator("#basic-balance input[name=year]").inputValue());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            office.navigate(console + "/overview");
            return office.locator("#reasons").innerText().contains("未登记2015–2023年基本均衡年度监测结果");
        });
        // then with every year since at a high level
        office.navigate(console + "/attestations");
        office.locator("#basic-balance input[name=highYears]").fill("2015-2023");
        office.locator("#basic-balance button").click();
        office.waitForURL("**/attestations?recognised=1");
        assertTrue(office.locator("#basic-balance input[name=highYears]").inputValue().startsWith("2015、2016"));
        screenshot(office, "office-attestations");
        // the evaluation runs again: neither is "not evaluable" any more, and the precondition holds
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            office.navigate(console + "/overview");
            String reasons = office.locator("#reasons").innerText();
            return !reasons.contains("GG1 ") && !reasons.contains("EQ3 ") && !reasons.contains("基本均衡认定年份")
                    && !reasons.contains("年度监测");
        });
        // the 报送 task that asked the office for the GG1 judgment closed by itself: the data arrived
        String gg1 = cluster.url("rectification") + "/api/v1/tasks?district=" + DISTRICT
                + "&kind=DATA_SUBMISSION&indicator=GG1";
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(Api.get(gg1).get(0).path("status").asText()));
        assertEquals("DATA_SUBMITTED", Api.get(gg1).get(0).path("closure").asText());
        office.navigate(console + "/tasks?kind=DATA_SUBMISSION&indicator=GG1");
        assertTrue(office.locator("table.board tbody").innerText().contains("已关闭（数据已报送）"),
                office.locator("table.board tbody").innerText());
    }

    @Test
    @Order(9)
    void theOfficeIssuesABulletinAndSubscribesAnotherSystem() throws Exception {
        Page office = signIn("王督学");
        office.navigate(console + "/bulletins");
        office.getByLabel("期次").fill("2025年第1期");
        office.getByLabel("文号（可不填）").fill("大渡口教督〔2025〕1号");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布简报")).click();
        office.waitForURL("**/bulletins?issued=1");
        Locator issued = office.locator("#bulletins li", new Page.LocatorOptions().setHasText("大渡口教督〔2025〕1号"));
        // issued into the notice log; listed once projected, within seconds
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            office.reload();
            return issued.count() == 1;
        });
        var download = office.waitForDownload(() -> issued.locator("a").click());
        byte[] docx = Files.readAllBytes(download.path());
        assertTrue(docx.length > 1000 && docx[0] == 'P' && docx[1] == 'K', "a Word (docx) document");
        screenshot(office, "office-bulletins");

        office.navigate(console + "/webhooks");
        // the cluster lets webhooks target only this loopback port (junheng.webhooks.allowed-targets)
        office.locator("#subscribe input[name=url]").fill("http://127.0.0.1:9/junheng");
        office.locator("input[name=kinds][value=BULLETIN]").check();
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("订阅").setExact(true)).click();
        assertTrue(office.locator("#secret code").innerText().length() >= 16, "the signing secret, shown once");
        assertTrue(office.locator("#subscriptions").innerText().contains("http://127.0.0.1:9/junheng"));
        // an address outside the allowed targets: the service's refusal on the page
        office.locator("#subscribe input[name=url]").fill("http://169.254.169.254/latest/meta-data");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("订阅").setExact(true)).click();
        assertTrue(office.locator("#refusal").isVisible());
        // the office's 企业微信 group: a robot address without its key is refused, with it subscribed (no secret shown)
        office.locator("#subscribe select[name=format]").selectOption("WECOM");
        office.locator("#subscribe input[name=url]").fill("http://127.0.0.1:9/cgi-bin/webhook/send");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("订阅").setExact(true)).click();
        assertTrue(office.locator("#refusal").innerText().contains("须带 key 参数"), office.locator("#refusal").innerText());
        office.locator("#subscribe select[name=format]").selectOption("WECOM");
        office.locator("#subscribe input[name=url]").fill("http://127.0.0.1:9/cgi-bin/webhook/send?key=office-group");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("订阅").setExact(true)).click();
        assertEquals(0, office.locator("#secret").count());
        assertTrue(office.locator("#subscriptions").innerText().contains("企业微信群机器人"),
                office.locator("#subscriptions").innerText());
        screenshot(office, "office-webhooks");
        office.locator("#subscriptions button").first().click();
        office.waitForURL("**/webhooks?deleted=1");
        office.locator("#subscriptions button").first().click();
        office.waitForURL("**/webhooks?deleted=1");
        // kept on record, delivering nothing more
        assertTrue(office.locator("#subscriptions").innerText().contains("（已停用）"));
        assertEquals(0, office.locator("#subscriptions button").count());
    }

    @Test
    @Order(10)
    void aSchoolCorrectsAFigureAndSeesTheCountyRatioMet() {
        Page school = signIn("钢花小学填报员");
        assertTrue(school.url().endsWith("/my-school"), school.url());
        // GG13 is the county's ratio: the school sees its own part in it, not a finding of its own
        String before = school.locator("#findings").innerText();
        assertTrue(before.contains("本校暂无待整改问题") && before.contains("本校小学非划片入学 38 名")
                && before.contains("未达标"), before);
        screenshot(school, "school-form");
        // a value that is no number is marked at its field; nothing is stored
        Locator catchment = school.locator("input[name='sections[P].inCatchmentPupils']");
        String pupils = school.locator("input[name='sections[P].pupils']").inputValue();
        catchment.fill("很多");
        school.getByLabel("更正原因（必填）").fill("更正划片入学人数");
        school.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交更正")).click();
        school.waitForLoadState();
        screenshot(school, "school-form-not-a-number");
        assertTrue(school.locator("input[name='sections[P].inCatchmentPupils'] + .field-error").innerText()
                .contains("数字"));
        // more in-catchment pupils than pupils: the intake's own message next to the field
        catchment.fill(String.valueOf(Integer.parseInt(pupils) + 1));
        school.getByLabel("更正原因（必填）").fill("更正划片入学人数");
        school.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交更正")).click();
        assertTrue(school.locator("#refusal").isVisible());
        assertTrue(school.locator("input[name='sections[P].inCatchmentPupils'].invalid").count() == 1,
                school.locator("#refusal").innerText());
        screenshot(school, "school-form-refused");
        school.locator("input[name='sections[P].inCatchmentPupils']").fill(pupils);
        school.getByLabel("更正原因（必填）").fill("更正划片入学人数（按学籍核对）");
        school.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交更正")).click();
        assertTrue(school.locator("#saved").isVisible());
        // the evaluation runs again: the county's ratio is met, the school's page says so
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            school.navigate(console + "/my-school");
            String after = school.locator("#findings").innerText();
            return after.contains("本校小学非划片入学 0 名") && after.contains("已达标");
        });
    }

    @Test
    @Order(11)
    void theLeaderReadsTheScorecardAndCannotAct() {
        Page leader = signIn("张区长");
        assertTrue(leader.url().endsWith("/overview"));
        leader.navigate(console + "/tasks");
        assertTrue(leader.locator("#scorecard").innerText().contains("区教委"));
        screenshot(leader, "leader-tasks-scorecard");
        leader.locator("table.board tbody a").first().click();
        assertEquals(0, leader.locator("#actions").count(), "a leader reads, the office acts");
        assertNoHorizontalScroll(leader);
    }

    @Test
    @Order(12)
    void signingOutAndAnExpiredSessionLeadToTheSignInPage() {
        Page office = signIn("王督学");
        office.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("退出")).click();
        office.waitForURL("**/signin");
        office.navigate(console + "/overview");
        assertTrue(office.url().endsWith("/signin"), office.url());

        Map<String, Object> claims = DevTokens.claims("u-ddr-03", "王督学", "supervisor", List.of(DISTRICT), null,
                Duration.ofHours(1));
        claims.put("exp", java.time.Instant.now().minusSeconds(60).getEpochSecond());
        office.context().addCookies(List.of(new Cookie("junheng_session", DevTokens.sign(claims))
                .setUrl(console)));
        office.navigate(console + "/overview");
        assertTrue(office.url().endsWith("/signin?expired=1"), office.url());
        assertTrue(office.locator("[role=alert]").innerText().contains("登录已过期"));
        screenshot(office, "signin-expired");
    }

    @Test
    @Order(14)
    void theOfficeImportsAnInspectionListAndEachItemBecomesATaskWithItsSource() {
        Page office = signIn("王督学");
        office.navigate(console + "/outside-problems");
        office.locator("select[name=kind]").selectOption("INSPECTION");
        office.getByLabel("文号（群众反映可不填）").fill("大渡口督学〔2025〕7号");
        office.locator("input[name=issuedOn]").fill("2025-05-20");
        String header = "序号,指标代码,学校标识码,学校名称,问题描述,牵头单位代码,整改期限\n";
        office.locator("input[type=file]").setInputFiles(new FilePayload("督学检查问题清单.csv", "text/csv",
                (header + "1,GG3,2150473309,重庆市大渡口区钢花小学,美术教室改作他用,,\n2,GX1,,,课后服务登记不全,,\n")
                        .getBytes(StandardCharsets.UTF_8)));
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导入")).click();
        // the mistake at its cell; the source kept in the form; nothing entered
        String problems = office.locator("#problems").innerText();
        assertTrue(problems.contains("3") && problems.contains("B") && problems.contains("未知指标代码"), problems);
        assertEquals("INSPECTION", office.locator("select[name=kind]").inputValue());
        office.locator("input[type=file]").setInputFiles(new FilePayload("督学检查问题清单.csv", "text/csv",
                (header + "1,GG3,2150473309,重庆市大渡口区钢花小学,美术教室改作他用,,\n2,EQ10,,,课后服务登记不全,,2025-09-30\n")
                        .getBytes(StandardCharsets.UTF_8)));
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导入")).click();
        assertTrue(office.locator("#entered").innerText().contains("共 2 条问题"), office.locator("#entered").innerText());
        screenshot(office, "office-outside-problems");
        office.locator("#entered a").first().click();
        assertTrue(office.locator("#source").innerText().startsWith("督学检查（大渡口督学〔2025〕7号，2025年5月20日，第1项）"),
                office.locator("#source").innerText());
        assertFalse(office.content().contains("INSPECTION"));

        // 创建进程: the office records the self-assessment; the overview says where the district stands
        office.navigate(console + "/recognition");
        assertTrue(office.locator("#stage").innerText().contains("当前阶段：未开始"));
        office.locator("select[name=stage]").selectOption("SELF_ASSESSMENT");
        office.locator("input[name=date]").fill("2025-03-01");
        office.getByLabel("说明").fill("完成自评，形成自评报告");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("记录")).click();
        office.waitForURL("**/recognition?saved=1");
        assertTrue(office.locator("#history").innerText().contains("自评") && office.locator("#history").innerText()
                .contains("王督学"), office.locator("#history").innerText());
        // a stage skipped is refused in words
        office.locator("select[name=stage]").selectOption("NATIONAL_APPLICATION");
        office.locator("input[name=date]").fill("2025-04-01");
        office.locator("input[name=documentNumber]").fill("渝府教督〔2025〕3号");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("记录")).click();
        assertTrue(office.locator("#refusal").innerText().contains("不能记录“申报国家认定”"),
                office.locator("#refusal").innerText());
        screenshot(office, "office-recognition");
        office.navigate(console + "/overview");
        assertTrue(office.locator("#road").innerText().contains("创建进程：自评"), office.locator("#road").innerText());
    }

    /** A 约谈 of the finance bureau's head on a day. */
    private static void fillInterview(Page office, String date) {
        office.locator("#unit-accountability select[name=unit]").selectOption("cz");
        office.locator("#unit-accountability input[name=person]").fill("周建国（区财政局局长）");
        office.locator("#unit-accountability input[name=date]").fill(date);
        office.locator("#unit-accountability textarea[name=reason]").fill("生均公用经费未按标准拨付");
    }

    /** The project form with its name, lead, budget and two milestones (the design one already past). */
    private static void fillProject(Page office) {
        office.locator("#define-project input[name=name]").fill("实验小学功能教室改造");
        office.locator("#define-project select[name=leadDepartment]").selectOption("jw");
        office.locator("#define-project input[name=budget]").fill("380.5");
        office.locator("#define-project input[name=milestone]").first().fill("完成设计");
        office.locator("#define-project input[name=milestoneDue]").first().fill("2024-10-31");
        office.locator("#define-project input[name=milestone]").nth(1).fill("竣工验收");
        office.locator("#define-project input[name=milestoneDue]").nth(1).fill("2027-08-31");
    }

    @Test
    @Order(15)
    void theOfficeKeepsThePlanItsProjectAndTheUnitsLeadersAndADepartmentReadsThem() {
        Page office = signIn("王督学");
        // 责任单位: the finance bureau's 责任领导, then a 约谈 of the bureau as a whole
        office.navigate(console + "/units");
        assertTrue(office.locator("#unit-cz").innerText().contains("未明确"), office.locator("#unit-cz").innerText());
        office.locator("#name-leader select[name=unit]").selectOption("cz");
        office.locator("#name-leader input[name=leader]").fill("周建国");
        office.locator("#name-leader input[name=post]").fill("区财政局局长");
        office.locator("#name-leader input[name=pledgeSignedOn]").fill("2024-03-01");
        office.locator("#name-leader input[name=pledgeDocument]").fill("大渡口教督〔2024〕3号");
        office.locator("#name-leader button").click();
        office.waitForURL("**/units?saved=leader");
        assertTrue(office.locator("#unit-cz").innerText().contains("周建国"), office.locator("#unit-cz").innerText());
        fillInterview(office, "2030-01-01");
        office.locator("#unit-accountability button").click();
        assertTrue(office.locator("#refusal").innerText().contains("日期须在2000年至今之间"),
                office.locator("#refusal").innerText());
        fillInterview(office, "2025-09-20");
        office.locator("#unit-accountability textarea[name=outcome]").fill("表态：年底前补足拨付");
        office.locator("#unit-accountability button").click();
        office.waitForURL("**/units?saved=accountability");
        assertTrue(office.locator("#records").innerText().contains("约谈") && office.locator("#records").innerText()
                .contains("周建国（区财政局局长）"), office.locator("#records").innerText());
        screenshot(office, "office-units");
        // the bureau and the leading group are told (督办通知)
        String notices = cluster.url("supervision-notices") + "/api/v1/notices?district=" + DISTRICT
                + "&kind=SUPERVISION_ORDER";
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.get(notices).toString().contains("约谈记录：区财政局"));

        // 整改项目: a mistake first (no task chosen), then two tasks settled by one project
        office.navigate(console + "/plan");
        assertTrue(office.locator("#plan-status").innerText().contains("未起草"));
        fillProject(office);
        office.locator("#define-project button").click();
        assertTrue(office.locator("#refusal").innerText().contains("请选择项目解决的整改任务"),
                office.locator("#refusal").innerText());
        fillProject(office);
        office.locator("#define-project input[name=taskId]").nth(0).check();
        office.locator("#define-project input[name=taskId]").nth(1).check();
        office.locator("#define-project input[name=fundingSource]").fill("区级财政预算");
        office.locator("#define-project button").click();
        office.waitForURL("**/plan?saved=project");
        String project = office.locator("#project-1").innerText();
        assertTrue(project.contains("预算：380.5万元（区级财政预算）") && project.contains("逾期未完成"), project);
        // the 整改方案: drawn up from the year's tasks, then the leading group's approval recorded
        office.locator("#draft-version input[name=title]").fill("大渡口区义务教育优质均衡发展整改方案");
        office.locator("#draft-version button").click();
        office.waitForURL("**/plan?saved=version");
        assertTrue(office.locator("#plan-status").innerText().contains("第1版待领导小组审定"));
        assertTrue(office.locator("#plan-items").innerText().contains("实验小学功能教室改造"),
                "the project's tasks name it");
        office.locator("#record-approval input[name=approvedOn]").fill(java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Shanghai")).toString());
        office.locator("#record-approval input[name=approvedBy]").fill("区义务教育优质均衡发展领导小组第3次会议");
        office.locator("#record-approval button").click();
        office.waitForURL("**/plan?saved=approval");
        assertTrue(office.locator("#plan-status").innerText().contains("第1版已审定"),
                office.locator("#plan-status").innerText());
        // the design milestone done
        office.locator("#project-1 form button").first().click();
        office.waitForURL("**/plan?saved=milestone");
        assertTrue(office.locator("#project-1").innerText().contains("节点完成1/2"),
                office.locator("#project-1").innerText());
        screenshot(office, "office-plan");
        office.navigate(console + "/overview");
        assertTrue(office.locator("#plan").innerText().contains("整改方案：第1版已审定"), office.locator("#plan").innerText());

        // the education commission reads the plan it carries out, with no forms; it was told of the approval
        Page jw = signIn("李明");
        jw.navigate(console + "/plan");
        assertTrue(jw.locator("#plan-status").innerText().contains("第1版已审定"));
        assertEquals(0, jw.locator("#draft-version").count());
        assertEquals(0, jw.locator("#project-1 form").count());
        String approved = cluster.url("supervision-notices") + "/api/v1/notices?district=" + DISTRICT
                + "&kind=RECTIFICATION_PLAN";
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.get(approved).toString().contains("整改方案（第1版）已审定"));
    }

    @Test
    @Order(13)
    void everyPageFitsAt1366PixelsAndAFormWorksFromTheKeyboard() {
        Page office = signIn("王督学");
        for (String path : List.of("/overview", "/tasks", "/ledger", "/variation", "/matrix", "/attestations",
                "/outside-problems", "/recognition", "/plan", "/units", "/notices", "/bulletins", "/webhooks")) {
            office.navigate(console + path);
            assertNoHorizontalScroll(office);
        }
        Page jw = signIn("李明");
        for (String path : List.of("/my-tasks", "/figures", "/imports", "/notices")) {
            jw.navigate(console + path);
            assertNoHorizontalScroll(jw);
        }
        Page school = signIn("实验小学填报员");
        assertNoHorizontalScroll(school);
        // the ledger's filters by keyboard alone: Tab to the school list, choose, Enter submits
        office.navigate(console + "/ledger");
        office.locator("select[name=ledger]").focus();
        office.keyboard().press("Tab");
        assertEquals("school", office.evaluate("() => document.activeElement.name"));
        office.keyboard().press("ArrowDown");
        // Enter in the date field submits the form (implicit submission), as a keyboard user would
        office.locator("input[name=asOf]").focus();
        office.keyboard().press("Enter");
        office.waitForURL("**/ledger?**school=2*");
        assertTrue(office.url().contains("school=2"), office.url());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A fresh browser context (its own cookies), signed in as the sample user of that name. */
    private static Page signIn(String name) {
        BrowserContext context = Chromium.window(browser);
        contexts.add(context);
        Page page = context.newPage();
        page.navigate(console + "/overview");
        assertTrue(page.url().endsWith("/signin"), "not signed in: to the sign-in page, not " + page.url());
        page.locator("label.user", new Page.LocatorOptions().setHasText(name)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.waitForLoadState();
        assertTrue(page.locator("header .who").innerText().contains(name), page.locator("header").innerText());
        return page;
    }

    /** Clicks the action's button and expects the page to say it was done. */
    private static void act(Page page, String label) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true)).click();
        page.waitForLoadState();
        assertTrue(page.locator("#done").isVisible() && page.locator("#done").innerText().contains(label),
                label + ": " + (page.locator("#refusal").count() > 0 ? page.locator("#refusal").innerText()
                        : page.url()));
    }

    private static void awaitStory(Page page, String text) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            page.reload();
            return page.locator("#story").innerText().contains(text);
        });
    }

    private static void assertNoHorizontalScroll(Page page) {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertTrue(((Number) width).intValue() <= 1366, "page is " + width + " px wide at 1366 px");
    }

    /** The page as the user sees it, whole, as a JPEG small enough for docs/console.md. */
    static void screenshot(Page page, String name) {
        // the whole page, cut at 2,400 px (the long lists), as a JPEG small enough for the docs
        double height = ((Number) page.evaluate("() => document.documentElement.scrollHeight")).doubleValue();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".jpg")).setFullPage(true)
                .setClip(0, 0, 1366, Math.min(height, 2400))
                .setType(com.microsoft.playwright.options.ScreenshotType.JPEG).setQuality(55));
    }
}
