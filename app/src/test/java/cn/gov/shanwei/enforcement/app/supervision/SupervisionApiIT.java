package cn.gov.shanwei.enforcement.app.supervision;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gov.shanwei.enforcement.app.support.ChromiumDevTools;
import cn.gov.shanwei.enforcement.app.support.HeadlessChromium;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.TestStaffSignOn;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistration;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.supervision.fixtures.CaseStory;
import cn.gov.shanwei.enforcement.supervision.fixtures.MeasureStories;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static cn.gov.shanwei.enforcement.supervision.fixtures.World.HAIFENG_MARKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The supervision API end to end: supervisors signed on as staff (their subject is the jurisdiction), a machine
 * client reading figures only, JSON and CSV of every table,
 * sampling → review → rectification persisted, and alerts pushed as server-sent events. The case platform's
 * events are the spring-quarter stories of supervision-services' tests, applied to the hub's read model.
 */
class SupervisionApiIT extends SupervisionHubTest {

    @Test
    @DisplayName("open cases: the city sees four, overdue first with rule and article; 海丰 sees its own; CSV alike")
    void openCases() {
        HttpResponse<String> r = city.get(API + "/cases?asOf=2026-04-30");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode cases = json(r);
        List<String> numbers = new ArrayList<>();
        cases.forEach(c -> numbers.add(c.get("caseNumber").asText()));
        assertThat(numbers).containsSubsequence("LF-D", "LF-F", "HF-C", "SW-E");
        assertThat(cases.get(0).get("state").asText()).isEqualTo("OVERDUE");
        assertThat(cases.get(0).get("deadlines").get(0).get("rule").asText()).isEqualTo("ServiceDeadline");
        assertThat(cases.get(0).get("deadlines").get(0).get("article").asText()).contains("行政处罚法");

        JsonNode haifengCases = json(haifeng.get(API + "/cases?asOf=2026-04-30"));
        haifengCases.forEach(c -> assertThat(c.get("subject").asText()).isIn("haifeng-market", "haicheng"));

        List<String> csv = csvLines(city.get(API + "/cases?asOf=2026-04-30&format=csv"));
        assertThat(csv.get(0)).startsWith("caseNumber,subject,subjectName");
        assertThat(csv).hasSize(cases.size() + 1);
        assertThat(csv.get(1)).startsWith("LF-D,lufeng-market,陆丰市市场监督管理局");
    }

    @Test
    @DisplayName("the open cases of one county or subject, most urgent first, limited, the total in X-Total-Count")
    void openCasesOfAScope() {
        List<String> all = caseNumbers(city.get(API + "/cases?asOf=2026-04-30"));
        HttpResponse<String> first = city.get(API + "/cases?asOf=2026-04-30&limit=1");
        assertThat(caseNumbers(first)).containsExactly(all.get(0));
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(all.size()));
        HttpResponse<String> lufeng = city.get(API + "/cases?asOf=2026-04-30&county=441581");
        assertThat(caseNumbers(lufeng)).isEqualTo(all.stream().filter(n -> n.startsWith("LF-")).toList())
                .isNotEmpty();
        assertThat(caseNumbers(city.get(API + "/cases?asOf=2026-04-30&subject=haifeng-market")))
                .isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("HF-"));
        HttpResponse<String> foreign = haifeng.get(API + "/cases?subject=lufeng-market");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(json(foreign).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(haifeng.get(API + "/cases?county=441581").statusCode()).isEqualTo(404);
        HttpResponse<String> badLimit = city.get(API + "/cases?limit=0");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(json(badLimit).get("errors").get(0).get("field").asText()).isEqualTo("limit");
        assertThat(city.get(API + "/cases?county=441581&subject=lufeng-market").statusCode()).isEqualTo(400);
    }

    private static List<String> caseNumbers(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        json(r).forEach(c -> numbers.add(c.get("caseNumber").asText()));
        return numbers;
    }

    @Test
    @DisplayName("drill-down to one case; another county's case is not disclosed")
    void oneCase() {
        HttpResponse<String> ok = haifeng.get(API + "/cases/HF-C?asOf=2026-04-30");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("status").get("stage").asText()).isEqualTo("FILED");
        HttpResponse<String> hidden = haifeng.get(API + "/cases/LF-D?asOf=2026-04-30");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(json(hidden).get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    @DisplayName("alerts as JSON and CSV")
    void alerts() {
        JsonNode alerts = json(city.get(API + "/alerts?asOf=2026-04-30"));
        List<String> kinds = new ArrayList<>();
        alerts.forEach(a -> kinds.add(a.get("kind").asText() + " " + a.get("caseNumber").asText()));
        assertThat(kinds).contains("CLOSED_WITHOUT_PAYMENT HF-B", "DEADLINE_OVERDUE LF-D", "LATE_PUBLICATION HF-B",
                "CERTIFICATE_EXPIRING HF-C");
        assertThat(alerts.get(0).get("severity").asText()).isEqualTo("SEVERE");
        List<String> csv = csvLines(city.get(API + "/alerts?asOf=2026-04-30&format=csv"));
        assertThat(csv.get(0)).isEqualTo("id,kind,severity,caseNumber,subject,message,rule,article,raisedOn");
        assertThat(csv).hasSize(alerts.size() + 1);
    }

    @Test
    @DisplayName("indicators by county for March, months summed, and the same as CSV")
    void indicators() {
        JsonNode counties = json(viewer.get(API + "/indicators?" + CITY
                + "&from=2026-03&to=2026-03&level=COUNTY&parent=441500&asOf=2026-04-30"));
        JsonNode haifeng = null;
        for (JsonNode c : counties) {
            if (c.get("code").asText().equals("441521")) {
                haifeng = c;
            }
        }
        assertThat(haifeng).isNotNull();
        assertThat(haifeng.get("name").asText()).isEqualTo("海丰县");
        assertThat(haifeng.get("measures").get("PUBLICATION_DUE").asLong()).isEqualTo(2);
        assertThat(haifeng.get("indicators").get("PUBLICATION_TIMELINESS").asDouble()).isEqualTo(0.5);
        assertThat(haifeng.get("measures").get("INSPECTIONS_DONE").asLong()).isEqualTo(1);

        JsonNode city = json(viewer.get(API + "/indicators?" + CITY
                + "&from=2026-03&to=2026-04&level=CITY&totals=true&asOf=2026-04-30"));
        assertThat(city).hasSize(1);
        assertThat(city.get(0).get("month").asText()).isEqualTo("2026-04");

        List<String> csv = csvLines(viewer.get(API + "/indicators?" + CITY
                + "&from=2026-03&to=2026-04&asOf=2026-04-30&format=csv"));
        assertThat(csv.get(0)).startsWith("level,code,name,parentCode,month,FILED,CLOSED")
                .endsWith("AVERAGE_HANDLING_DAYS,AVERAGE_REVIEW_SCORE,INSPECTION_COVERAGE");
    }

    @Test
    @DisplayName("coercive measures in force with their term; one past 30 days unextended is an alert")
    void measures() {
        JsonNode inForce = json(haifeng.get(API + "/measures?asOf=2026-04-30"));
        assertThat(inForce.get(0).get("caseNumber").asText()).isEqualTo("HF-M1");
        assertThat(inForce.get(0).get("state").asText()).isEqualTo("OVERDUE");
        assertThat(inForce.get(0).get("extensionDays").asInt()).isZero();
        assertThat(json(haifeng.get(API + "/alerts?asOf=2026-04-30")).toString())
                .contains("COERCIVE_MEASURE_OVERDUE", "never extended");
        List<String> csv = csvLines(city.get(API + "/measures?asOf=2026-04-30&format=csv"));
        assertThat(csv.get(1)).startsWith("HF-M1,haifeng-market,SEIZURE,IN_FORCE,2026-03-20,0,OVERDUE,");
    }

    @Test
    @DisplayName("workforce: 林芳's certificate expiring, her open case counted; per-subject figures as CSV")
    void workforce() {
        JsonNode officers = json(haifeng.get(API + "/workforce/officers?asOf=2026-04-30"));
        assertThat(officers.get(0).get("officer").asText()).isEqualTo("o-lin");
        assertThat(officers.get(0).get("warning").asText()).isEqualTo("EXPIRING");
        assertThat(officers.get(0).get("openCases").asInt()).isGreaterThanOrEqualTo(1);
        List<String> csv = csvLines(city.get(API + "/workforce/subjects?asOf=2026-04-30&format=csv"));
        assertThat(csv.get(0)).isEqualTo("subject,name,officers,certified,expiring,openCases,openPerCertified");
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("haicheng,海丰县海城镇人民政府,0,0,0,0,"));
    }

    @Test
    @DisplayName("legal reviewers: 法律职业资格 recorded and shown; a review by an officer without it is an alert")
    void legalReviewerQualification() {
        HttpResponse<String> recorded = haifeng.put(API + "/workforce/officers/o-chen/legal-qualification",
                "{\"certificateNumber\":\"A20194415000123\",\"obtainedOn\":\"2019-03-01\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(json(recorded).get("recordedBy").asText()).isEqualTo("sup-haifeng");
        assertThat(haifeng.put(API + "/workforce/officers/o-wu/legal-qualification", "{\"certificateNumber\":"
                + "\"A1\",\"obtainedOn\":\"2019-03-01\"}").statusCode()).as("陆丰's officer").isEqualTo(404);
        assertThat(json(haifeng.put(API + "/workforce/officers/o-chen/legal-qualification", "{\"certificateNumber\":"
                + "\"\",\"obtainedOn\":\"2019-03-01\"}")).get("code").asText()).isEqualTo("VALIDATION_FAILED");

        JsonNode officers = json(haifeng.get(API + "/workforce/officers?asOf=2026-04-30"));
        List<String> qualified = new ArrayList<>();
        officers.forEach(o -> qualified.add(o.get("officer").asText() + "=" + o.get("legalQualified").asBoolean()));
        assertThat(qualified).contains("o-chen=true", "o-lin=false");
        assertThat(csvLines(haifeng.get(API + "/workforce/officers?asOf=2026-04-30&format=csv")))
                .anySatisfy(l -> assertThat(l).startsWith("o-chen,").contains(",true,A20194415000123,"));

        CaseStory.lead("HF-LR1", HAIFENG_MARKET, World.SHOP, "2026-04-01").filed("2026-04-01")
                .notified("2026-04-08", 300_000, "一般").reviewed("2026-04-15", "陈明 (o-chen)")
                .events().forEach(model::apply);
        CaseStory.lead("HF-LR2", HAIFENG_MARKET, World.SHOP, "2026-04-01").filed("2026-04-01")
                .notified("2026-04-08", 300_000, "一般").reviewed("2026-04-15", "林芳 (o-lin)")
                .events().forEach(model::apply);
        assertThat(haifeng.get(API + "/cases/HF-LR1?asOf=2026-04-30").body())
                .doesNotContain("UNQUALIFIED_LEGAL_REVIEW");
        assertThat(json(haifeng.get(API + "/cases/HF-LR2?asOf=2026-04-30")).get("alerts").toString())
                .contains("UNQUALIFIED_LEGAL_REVIEW", "林芳 (o-lin)", "no 法律职业资格 on record", "art. 58");
    }

    @Test
    @DisplayName("the monthly report is an OFD document with the month's figures, alerts and the cases behind them")
    void monthlyReport() throws Exception {
        HttpResponse<byte[]> r = city.getBytes(API + "/reports/monthly?month=2026-03&asOf=2026-04-30");
        assertThat(r.statusCode()).as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/ofd");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("supervision-report-city-justice-2026-03.ofd"));
        String text = ofdText(r.body());
        JsonNode subjects = json(viewer.get(API + "/indicators?" + CITY
                + "&from=2026-03&to=2026-03&level=SUBJECT&asOf=2026-04-30"));
        long filed = 0;
        for (JsonNode s : subjects) {
            filed += s.get("measures").get("FILED").asLong();
        }
        assertThat(filed).isPositive();
        assertThat(text).contains("汕尾市司法局", "行政执法监督月度报告", "2026年3月", "立案数：" + filed,
                "海丰县市场监督管理局", "陆丰市市场监督管理局", "DEADLINE_OVERDUE", "LF-D", "当月立案");

        String haifengReport = ofdText(haifeng.getBytes(API + "/reports/monthly?month=2026-03&asOf=2026-04-30")
                .body());
        assertThat(haifengReport).contains("海丰县司法局", "海丰县市场监督管理局").doesNotContain("陆丰市市场监督管理局", "LF-D");
        assertThat(viewer.getBytes(API + "/reports/monthly?" + CITY + "&month=2026-03").statusCode())
                .as("a registered back end may pull it").isEqualTo(200);
        assertThat(city.get(API + "/reports/monthly?month=2099-01").statusCode()).isEqualTo(400);
        assertThat(staff("hf-officer").get(API + "/reports/monthly?month=2026-03").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("a kept monthly report: generated once, signed, verifiable, its figures traced to cases")
    void keptMonthlyReport() throws Exception {
        HttpResponse<String> first = city.post(API + "/reports/monthly/archive", "{\"month\":\"2026-04\"}");
        assertThat(first.statusCode()).as(first.body()).isIn(200, 201);
        HttpResponse<String> again = city.post(API + "/reports/monthly/archive", "{\"month\":\"2026-04\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("documentSm3").asText()).isEqualTo(json(first).get("documentSm3").asText());
        assertThat(json(city.get(API + "/reports/monthly/archive")).findValuesAsText("month")).contains("2026-04");

        HttpResponse<byte[]> doc = city.getBytes(API + "/reports/monthly/archive/2026-04");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.headers().firstValue("X-Document-SM3"))
                .hasValue(cn.gov.shanwei.enforcement.domain.common.Sm3.of(doc.body()).hex());
        assertThat(doc.headers().firstValue("X-Signature-Algorithm")).hasValue("SM3withSM2");
        assertThat(ReportSigner.verify(doc.body(), java.util.Base64.getDecoder().decode(
                        doc.headers().firstValue("X-Signature").orElseThrow()),
                java.util.Base64.getDecoder().decode(doc.headers().firstValue("X-Signer-Key").orElseThrow()))).isTrue();
        assertThat(ofdText(doc.body())).contains("2026年4月");
        JsonNode verification = json(city.get(API + "/reports/monthly/archive/2026-04/verification"));
        assertThat(verification.get("digestMatches").asBoolean()).isTrue();
        assertThat(verification.get("signatureValid").asBoolean()).isTrue();

        JsonNode trace = json(city.get(API + "/reports/monthly/archive/2026-04/trace"));
        JsonNode subjects = json(viewer.get(API + "/indicators?" + CITY + "&from=2026-04&to=2026-04&level=SUBJECT"));
        for (JsonNode row : subjects) {
            long filed = row.get("measures").get("FILED").asLong();
            assertThat(trace.path(row.get("code").asText()).path("FILED").size()).as(row.get("code").asText())
                    .isEqualTo(filed);
        }

        assertThat(haifeng.get(API + "/reports/monthly/archive/2026-04").statusCode())
                .as("海丰's supervisor reads its own reports, not the city's").isEqualTo(404);
        assertThat(city.post(API + "/reports/monthly/archive", "{\"month\":\"2099-01\"}").statusCode())
                .isEqualTo(400);
        assertThat(city.post(API + "/reports/monthly/archive", "{}").statusCode()).isEqualTo(400);
        assertThat(viewer.get(API + "/reports/monthly/archive?" + CITY).statusCode()).isEqualTo(403);
        assertThat(city.get(API + "/reports/monthly/archive/1999-01").statusCode()).isEqualTo(404);
    }

    @Autowired
    MonthlyReports monthlyReports;

    @Test
    @DisplayName("the schedule keeps the previous month's report of every supervising body from the generation day, once")
    void scheduledMonthlyReports() {
        assertThat(monthlyReports.generateDue(LocalDate.of(2026, 3, 4))).isEmpty();
        assertThat(monthlyReports.generateDue(LocalDate.of(2026, 3, 5))).extracting(SubjectId::value)
                .contains("city-justice", "haifeng-justice");
        assertThat(monthlyReports.generateDue(LocalDate.of(2026, 3, 19))).isEmpty();
        assertThat(monthlyReports.archive().find(World.HAIFENG_JUSTICE.id(), java.time.YearMonth.of(2026, 2)))
                .hasValueSatisfying(r -> assertThat(r.generatedBy()).isEqualTo(MonthlyReports.SCHEDULER));
    }

    @Test
    @DisplayName("inspection coverage over an imported 检查对象名录库; another county's catalogue is out of reach")
    void inspectionCoverage() {
        String food = World.FOOD_LICENCE_V1.code().value();
        HttpResponse<String> imported = haifeng.put(API + "/inspection-objects/haifeng-market", "{\"objects\":["
                + "{\"objectId\":\"" + World.SHOP.idNumber() + "\",\"name\":\"海丰县某食品店\",\"matterCode\":\"" + food
                + "\",\"listedOn\":\"2026-01-01\"},"
                + "{\"objectId\":\"91441521MA0000009Z\",\"name\":\"另一食品店\",\"matterCode\":\"" + food
                + "\",\"listedOn\":\"2026-01-01\"}]}");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode row = json(viewer.get(API + "/indicators?" + CITY
                + "&from=2026-03&to=2026-03&level=SUBJECT&asOf=2026-04-30")).findParents("code").stream()
                .filter(n -> n.get("code").asText().equals("haifeng-market")).findFirst().orElseThrow();
        assertThat(row.get("measures").get("CATALOGUE_OBJECTS").asLong()).isEqualTo(2);
        assertThat(row.get("measures").get("OBJECTS_INSPECTED").asLong()).isEqualTo(1);
        assertThat(row.get("indicators").get("INSPECTION_COVERAGE").asDouble()).isEqualTo(0.5);
        assertThat(csvLines(haifeng.get(API + "/inspection-objects/haifeng-market?format=csv"))).hasSize(3);

        assertThat(haifeng.put(API + "/inspection-objects/lufeng-market", "{\"objects\":[{\"objectId\":\"X\","
                + "\"name\":\"x\",\"matterCode\":\"" + food + "\",\"listedOn\":\"2026-01-01\"}]}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> bad = haifeng.put(API + "/inspection-objects/haifeng-market", "{\"objects\":["
                + "{\"objectId\":\"Y\",\"name\":\"y\",\"matterCode\":\"" + food
                + "\",\"listedOn\":\"2026-02-01\",\"delistedOn\":\"2026-01-01\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("objects[0].delistedOn");
    }

    @Test
    @DisplayName("training hours: recorded per officer, summed per year, flagged below the required 60")
    void trainingHours() {
        HttpResponse<String> recorded = haifeng.post(API + "/workforce/officers/o-lin/trainings",
                "{\"course\":\"行政处罚法专题培训\",\"completedOn\":\"2026-03-01\",\"hours\":12.5}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        JsonNode year = json(haifeng.get(API + "/workforce/officers/o-lin/trainings?year=2026"));
        assertThat(year.get("standing").get("required").decimalValue()).isEqualByComparingTo("60");
        assertThat(year.get("standing").get("below").asBoolean()).isTrue();
        assertThat(year.get("records").size()).isEqualTo(year.get("standing").get("hours").decimalValue()
                .divide(new java.math.BigDecimal("12.5")).intValue());
        JsonNode lin = json(haifeng.get(API + "/workforce/officers?asOf=2026-04-30")).findParents("officer").stream()
                .filter(n -> n.get("officer").asText().equals("o-lin")).findFirst().orElseThrow();
        assertThat(lin.get("trainingHours").decimalValue()).isEqualByComparingTo(year.get("standing").get("hours")
                .decimalValue());
        assertThat(lin.get("trainingBelowRequired").asBoolean()).isTrue();

        assertThat(haifeng.post(API + "/workforce/officers/o-lin/trainings",
                "{\"course\":\"x\",\"completedOn\":\"2026-03-01\",\"hours\":1.25}").statusCode()).isEqualTo(400);
        assertThat(haifeng.post(API + "/workforce/officers/o-lin/trainings",
                "{\"course\":\"x\",\"completedOn\":\"2026-03-01\",\"hours\":0}").statusCode()).isEqualTo(400);
        assertThat(haifeng.post(API + "/workforce/officers/o-lin/trainings",
                "{\"course\":\"x\",\"completedOn\":\"2999-03-01\",\"hours\":1}").statusCode()).isEqualTo(400);
        assertThat(haifeng.post(API + "/workforce/officers/o-wu/trainings",
                "{\"course\":\"x\",\"completedOn\":\"2026-03-01\",\"hours\":1}").statusCode()).isEqualTo(404);
    }

    // The text of every XML part of an OFD package (a ZIP).
    private static String ofdText(byte[] ofd) throws Exception {
        StringBuilder all = new StringBuilder();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(ofd))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".xml")) {
                    all.append(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(all).as("an OFD package").contains("OFD");
        return all.toString();
    }

    @Test
    @DisplayName("bad requests are problems with a stable code; a machine client reads figures only, naming the supervisor")
    void errors() {
        HttpResponse<String> machineCases = viewer.get(API + "/cases?" + CITY + "&asOf=2026-04-30");
        assertThat(machineCases.statusCode()).isEqualTo(403);
        assertThat(json(machineCases).get("code").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(json(viewer.get(API + "/indicators?from=2026-03&to=2026-03")).get("code").asText())
                .isEqualTo("VALIDATION_FAILED");
        HttpResponse<String> notSupervisor = viewer.get(API + "/indicators?supervisor=haifeng-market"
                + "&from=2026-03&to=2026-03");
        assertThat(notSupervisor.statusCode()).isEqualTo(400);
        assertThat(notSupervisor.body()).contains("not a supervisory subject");
        assertThat(city.get(API + "/indicators?from=2026-04&to=2026-03").statusCode()).isEqualTo(400);
        assertThat(city.get(API + "/indicators?from=2026-13&to=2026-03").statusCode()).isEqualTo(400);
        assertThat(city.get(API + "/alerts?format=xml").statusCode()).isEqualTo(400);
        HttpResponse<String> machineDraw = viewer.post(API + "/sampling/draws", "{\"supervisor\":\"city-justice\","
                + "\"closedFrom\":\"2026-01-01\",\"closedTo\":\"2026-03-31\",\"ratePercent\":30}");
        assertThat(machineDraw.statusCode()).isEqualTo(403);
        URI base = URI.create("http://localhost:" + port);
        assertThat(new SupervisionHttp(base, "supervision-viewer", "wrong-secret-0123456789abcdefghij")
                .get(API + "/indicators?" + CITY + "&from=2026-03&to=2026-03").statusCode()).isEqualTo(401);
        assertThat(SupervisionHttp.bearer(base, "not-a-token").get(API + "/alerts").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("who sees what: 海丰's supervisor sees 海丰 and its towns, not 陆丰; the city sees all; others get 403")
    void accessMatrix() {
        String day = "asOf=2026-04-30";
        List<String> haifengCases = numbers(haifeng.get(API + "/cases?" + day));
        assertThat(haifengCases).contains("HF-C").doesNotContain("LF-D", "LF-F", "SW-E");
        assertThat(json(haifeng.get(API + "/cases?" + day))).allSatisfy(c ->
                assertThat(c.get("subject").asText()).isIn("haifeng-market", "haicheng"));
        assertThat(numbers(city.get(API + "/cases?" + day))).contains("HF-C", "LF-D", "LF-F", "SW-E");
        assertThat(haifeng.get(API + "/cases/LF-D?" + day).statusCode()).isEqualTo(404);
        assertThat(city.get(API + "/cases/LF-D?" + day).statusCode()).isEqualTo(200);
        assertThat(haifeng.get(API + "/alerts?" + day).body()).contains("HF-C").doesNotContain("LF-D");
        assertThat(haifeng.get(API + "/workforce/subjects?" + day).body()).contains("haifeng-market")
                .doesNotContain("lufeng-market");
        assertThat(haifeng.get(API + "/cases?" + CITY).statusCode()).as("names another supervisor")
                .isEqualTo(404);

        URI base = URI.create("http://localhost:" + port);
        SupervisionHttp backEnd = SupervisionHttp.actingFor(base, "supervision-console",
                "supervision-console-secret-0123456789", "sup-haifeng");
        assertThat(numbers(backEnd.get(API + "/cases?" + day))).contains("HF-C").doesNotContain("LF-D");

        for (String refused : List.of("hf-officer", "hf-head")) {
            for (String path : List.of("/cases", "/alerts", "/indicators?from=2026-03&to=2026-03",
                    "/workforce/officers", "/reviews", "/dashboard")) {
                HttpResponse<String> r = staff(refused).get(API + path);
                assertThat(r.statusCode()).as(refused + " " + path).isEqualTo(403);
                assertThat(json(r).get("code").asText()).isEqualTo("ACCESS_DENIED");
            }
        }
        assertThat(SupervisionHttp.actingFor(base, "supervision-console", "supervision-console-secret-0123456789",
                "hf-officer").get(API + "/cases").statusCode()).isEqualTo(403);
    }

    private static List<String> numbers(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        json(r).forEach(c -> numbers.add(c.get("caseNumber").asText()));
        return numbers;
    }

    @Test
    @DisplayName("a sample drawn with a seed is recorded, reproduced, reviewed, rectified and exported")
    void samplingAndReview() {
        HttpResponse<String> drawn = city.post(API + "/sampling/draws", "{\"supervisor\":\"city-justice\","
                + "\"closedFrom\":\"2026-01-01\",\"closedTo\":\"2026-03-31\",\"ratePercent\":30,"
                + "\"minimumPerStratum\":2,\"seed\":\"shanwei-2026-q1\"}");
        assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(201);
        JsonNode draw = json(drawn);
        String drawId = draw.get("id").asText();
        assertThat(draw.get("algorithm").asText()).startsWith("SM3-FisherYates-v1:");
        assertThat(draw.get("strata").get(0).get("subject").asText()).isEqualTo("haifeng-market");
        assertThat(draw.get("strata").get(0).get("populationSize").asInt()).as("HF-00..09 and HF-A").isEqualTo(11);
        assertThat(json(city.get(API + "/sampling/draws/" + drawId)).get("verification").asText())
                .isEqualTo("reproduced");
        assertThat(haifeng.get(API + "/sampling/draws/" + drawId).statusCode()).isEqualTo(404);

        HttpResponse<String> assigned = city.post(API + "/reviews/assignments", "{\"supervisor\":\"city-justice\","
                + "\"drawId\":\"" + drawId + "\",\"reviewers\":[\"o-chen\",\"o-wu\"]}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        JsonNode reviews = json(assigned);
        assertThat(reviews).hasSize(6);
        reviews.forEach(r -> assertThat(r.get("reviewerSubject").asText())
                .isNotEqualTo(r.get("reviewedSubject").asText()));

        String id = reviews.get(0).get("id").asText();
        StringBuilder scores = new StringBuilder("{");
        for (var item : cn.gov.shanwei.enforcement.supervision.review.ReviewTemplate.standard().items()) {
            scores.append(scores.length() > 1 ? "," : "").append('"').append(item.code()).append("\":")
                    .append(item.code().equals("DOCUMENT-1") ? 8 : item.maxPoints());
        }
        scores.append('}');
        HttpResponse<String> scored = city.post(API + "/reviews/" + id + "/score", "{\"supervisor\":"
                + "\"city-justice\",\"scores\":" + scores + ",\"findings\":[{\"itemCode\":\"DOCUMENT-1\","
                + "\"text\":\"处罚决定书未加盖印章\"}]}");
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
        assertThat(json(scored).get("totalPoints").asInt()).isEqualTo(96);
        assertThat(city.post(API + "/reviews/" + id + "/score", "{\"supervisor\":\"city-justice\",\"scores\":"
                + scores + "}").statusCode()).as("scored twice").isEqualTo(409);
        assertThat(city.post(API + "/reviews/" + id + "/rectification-request", "{\"supervisor\":"
                + "\"city-justice\",\"what\":\"补盖印章\",\"rectifyBy\":\"2099-01-31\"}").statusCode()).isEqualTo(200);
        assertThat(city.post(API + "/reviews/" + id + "/rectification", "{\"supervisor\":\"city-justice\","
                + "\"report\":\"已补盖\"}").statusCode()).isEqualTo(200);
        JsonNode closed = json(city.post(API + "/reviews/" + id + "/verification", "{\"supervisor\":"
                + "\"city-justice\",\"accepted\":true,\"note\":\"整改到位\"}"));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(json(city.get(API + "/reviews/" + id)).get("findings").get(0).get("text").asText())
                .isEqualTo("处罚决定书未加盖印章");

        List<String> reviewCsv = csvLines(city.get(API + "/reviews?format=csv"));
        assertThat(reviewCsv).hasSize(7);
        assertThat(String.join("\n", reviewCsv)).contains("DOCUMENT-1: 处罚决定书未加盖印章");
        List<String> drawCsv = csvLines(city.get(API + "/sampling/draws?format=csv"));
        assertThat(drawCsv).hasSize(7);
        assertThat(drawCsv.get(1)).contains("shanwei-2026-q1");
    }

    @Test
    @DisplayName("templates: the standard 100-point checklist, and an edit saved as version 2")
    void templates() {
        JsonNode templates = json(city.get(API + "/review-templates"));
        assertThat(templates.get(0).get("code").asText()).isEqualTo("PENALTY-STANDARD");
        HttpResponse<String> edited = city.put(API + "/review-templates/SIMPLE-CHECK", "{\"name\":\"简易程序评查\","
                + "\"items\":[{\"code\":\"FACTS-1\",\"section\":\"事实\",\"text\":\"事实清楚\",\"maxPoints\":60},"
                + "{\"code\":\"DOC-1\",\"section\":\"文书\",\"text\":\"文书规范\",\"maxPoints\":40}]}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).get("version").asInt()).isEqualTo(1);
        HttpResponse<String> bad = city.put(API + "/review-templates/SIMPLE-CHECK", "{\"name\":\"x\","
                + "\"items\":[{\"code\":\"bad code\",\"section\":\"s\",\"text\":\"t\",\"maxPoints\":10}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("the dashboard page carries the jurisdiction's indicators and cases; ECharts and the script are served")
    void dashboard() {
        HttpResponse<String> page = city.get(API + "/dashboard?from=2026-01&to=2026-04&asOf=2026-04-30");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("汕尾市司法局 · 行政执法监督", "/webjars/echarts/5.3.1/dist/echarts.min.js",
                "/supervision/dashboard.js", "SUPERVISION_DATA", "441521", "LF-D");
        HttpResponse<String> haifengPage = haifeng.get(API + "/dashboard?from=2026-01&to=2026-04&asOf=2026-04-30");
        assertThat(haifengPage.body()).contains("HF-C").doesNotContain("LF-D").doesNotContain("lufeng-market");
        URI base = URI.create("http://localhost:" + port);
        assertThat(SupervisionHttp.bearer(base, "not-a-token").get(API + "/dashboard").statusCode()).isEqualTo(401);
        assertThat(viewer.get(API + "/dashboard?" + CITY).statusCode()).as("machine client").isEqualTo(403);
        assertThat(viewer.get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/supervision/dashboard.js").body()).contains("SUPERVISION_DATA");
    }

    @Test
    @DisplayName("headless Chromium draws both charts, lists the open cases and drills down to 海丰县's (screenshots in target/)")
    void dashboardInChromium() throws Exception {
        assumeTrue(HeadlessChromium.isInstalled(), "chromium is not installed (see .ci/run)");
        Path dir = Files.createDirectories(Path.of("target", "browser"));
        try (ChromiumDevTools browser = ChromiumDevTools.start(1400, 900)) {
            // what the console back end does: relay the page and its requests with the supervisor's token
            browser.extraHeaders(java.util.Map.of("Authorization", "Bearer token-uid-sup-city"));
            browser.navigate("http://localhost:" + port + API + "/dashboard?from=2026-01&to=2026-04&asOf=2026-04-30");
            String rows = "Array.from(document.querySelectorAll('#case-table tbody tr')).map(r => r.dataset.case)"
                    + ".join(',')";
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> browser.evaluate(rows).asText()
                    .contains("LF-D"));
            assertThat(browser.evaluate(rows).asText()).contains("LF-D", "HF-C");
            assertThat(browser.evaluate("document.querySelectorAll('canvas').length").asInt())
                    .as("one canvas per chart").isGreaterThanOrEqualTo(2);
            assertThat(browser.evaluate("document.getElementById('crumbs').innerText").asText()).isEqualTo("全市");
            Files.write(dir.resolve("supervision-dashboard.png"), browser.screenshot());

            // a click on 海丰县's bar: the page asks /cases for the county's open cases
            browser.evaluate("(function () { var chart = echarts.getInstanceByDom(document.getElementById("
                    + "'scope-chart')); var i = chart.getOption().xAxis[0].data.indexOf('海丰县');"
                    + " chart.trigger('click', { dataIndex: i }); })()");
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> browser.evaluate(
                    "document.getElementById('crumbs').innerText").asText().contains("海丰县")
                    && !browser.evaluate(rows).asText().contains("LF-D"));
            assertThat(browser.evaluate(rows).asText()).contains("HF-C");
            assertThat(browser.evaluate("document.getElementById('case-caption').innerText").asText())
                    .startsWith("未结案件");
            Files.write(dir.resolve("supervision-dashboard-haifeng.png"), browser.screenshot());
        }
        assertThat(Files.size(dir.resolve("supervision-dashboard.png"))).isGreaterThan(10_000);
    }

    /** The next {@code data:} line of the stream containing every one of {@code words}, within 10 seconds. */
    private static String nextData(Iterator<String> events, String... words) throws Exception {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            while (events.hasNext()) {
                String line = events.next();
                if (line.startsWith("data:") && Stream.of(words).allMatch(line::contains)) {
                    return line;
                }
            }
            throw new AssertionError("the stream ended before " + String.join(" ", words));
        }).get(10, TimeUnit.SECONDS);
    }

    /** The lines of a server-sent event stream opened by 海丰's supervisor. */
    private Stream<String> haifengStream(String path) throws Exception {
        HttpResponse<Stream<String>> response = haifeng.stream(path).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    @DisplayName("server-sent events: a supervisor's console gets the alerts of a new case and measure as recorded")
    void alertStream() throws Exception {
        try (Stream<String> lines = haifengStream(API + "/alerts/stream")) {
            Iterator<String> events = lines.iterator();
            CaseStory outside = CaseStory.lead("HF-SSE", HAIFENG_MARKET, World.HAWKER, "2026-04-01")
                    .filed("2026-04-01").notified("2026-04-10", 800_000, "轻微").decided("2026-04-20", 800_000, "轻微");
            outside.events().forEach(model::apply);
            assertThat(nextData(events, "FINE_OUTSIDE_BAND", "HF-SSE")).contains("haifeng-market");
            measures.apply(MeasureStories.imposed("HF-M9", HAIFENG_MARKET, CoercionKind.SEAL_UP, "2026-01-05"));
            assertThat(nextData(events, "COERCIVE_MEASURE_OVERDUE", "HF-M9")).contains("never extended");
        }
    }

    @Test
    @DisplayName("server-sent events with standing=false (the console lists the standing alerts itself): only new ones")
    void alertStreamWithoutStanding() throws Exception {
        try (Stream<String> lines = haifengStream(API + "/alerts/stream?standing=false")) {
            Iterator<String> events = lines.iterator();
            assertThat(nextData(events, "standing")).isEqualTo("data:{\"standing\":0}");
            CaseStory outside = CaseStory.lead("HF-SSE2", HAIFENG_MARKET, World.HAWKER, "2026-04-02")
                    .filed("2026-04-02").notified("2026-04-10", 900_000, "轻微").decided("2026-04-21", 900_000, "轻微");
            outside.events().forEach(model::apply);
            assertThat(nextData(events, "\"caseNumber\"")).as("the first alert pushed is the new case's")
                    .contains("HF-SSE2");
        }
    }

    @Autowired
    AlertStream alertStreams;

    @Test
    @DisplayName("server-sent events: a stream the hub ends (on shutdown, or at its time limit) ends cleanly, no error")
    void alertStreamEndedByTheHub() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        try (Stream<String> lines = haifengStream(API + "/alerts/stream?standing=false")) {
            Iterator<String> events = lines.iterator();
            assertThat(nextData(events, "standing")).isEqualTo("data:{\"standing\":0}");

            alertStreams.close();   // what the hub does on shutdown; a time-out ends a stream the same way

            assertThat(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                while (events.hasNext()) {
                    events.next();
                }
                return true;
            }).get(10, TimeUnit.SECONDS)).as("the client sees the end of the stream").isTrue();
        } finally {
            root.detachAppender(logged);
            logged.stop();
        }
        // Ending a stream re-dispatches the request (an ASYNC dispatch) through the security chain, where no staff
        // filter runs: it was refused there and logged as an ERROR with a stack trace, on a response already sent.
        assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }
}
