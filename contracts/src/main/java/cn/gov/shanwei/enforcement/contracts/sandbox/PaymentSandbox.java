package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's non-tax payment system (contract {@code contracts/payment/nontax-payment-v1.yaml}), stateful: it
 * issues notices (idempotent by {@code requestNo}), surcharge notices, answers status queries, lets a notice be paid
 * through a sandbox page ({@value #PAY_PAGE}) or API ({@value #PAY_API}), then sends a signed result callback to a
 * configured URL — with a delay, extra copies and held-then-reordered delivery to test the hub's exactly-once
 * handling — and serves a reconciliation file per day. Signing is written independently of the adapters' verifier,
 * so the two check each other: {@code x-pay-signature = hex(HMAC-SHA256(secret, ts + "\n" + nonce + "\n" + body))}.
 *
 * <p>Thread-safe. Days are counted in Asia/Shanghai.
 */
public final class PaymentSandbox extends RestSandboxService {

    /** Name the payment mappings refer to in {@code "transformers"}. */
    static final String NAME = "sandbox-payment";
    /** Browser page where a payer pays a notice: {@code GET {base}/payment/pay?notice=…} (not gateway-signed). */
    public static final String PAY_PAGE = "/payment/pay";
    /** Sandbox API that pays a notice: {@code POST {base}/payment/sandbox/pay {"noticeNumber","amountFen"?,"channel"?}}. */
    public static final String PAY_API = "/payment/sandbox/pay";
    /** The callback key the sandbox signs with unless told otherwise. Not a secret: sandbox only. */
    public static final String SANDBOX_CALLBACK_SECRET = "sandbox-payment-callback-secret-not-a-secret-01";

    private static final Logger LOG = LoggerFactory.getLogger(PaymentSandbox.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern NOTICE_PATH = Pattern.compile("/payment/notices/(\\d{20})(/surcharge)?");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z._:-]{1,64}");
    private static final Pattern CHANNEL = Pattern.compile("[A-Z_]{1,16}");
    private static final long MAX_FEN = 10_000_000_000L;

    private final Clock clock;
    private final Map<String, Notice> notices = new ConcurrentHashMap<>();
    private final Map<String, String> byRequestNo = new ConcurrentHashMap<>();
    private final Map<LocalDate, List<String>> extraLines = new ConcurrentHashMap<>();
    private final AtomicLong serial = new AtomicLong();
    private final List<CallbackDelivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Runnable> held = new ArrayDeque<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-payment-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    private volatile URI callbackUrl;
    private volatile byte[] callbackSecret = SANDBOX_CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8);
    private volatile Duration callbackDelay = Duration.ZERO;
    private volatile int callbackCopies = 1;
    private volatile boolean holding;

    PaymentSandbox(Clock clock) {
        super(NAME);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Where result callbacks go, signed with {@code secret}; {@code null} stops callbacks.
     *
     * @param secret the callback key shared with the hub, at least 32 bytes
     */
    public void sendCallbacksTo(URI url, byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("callback secret must be at least 32 bytes");
        }
        this.callbackSecret = secret.clone();
        this.callbackUrl = url;
    }

    /** Each callback leaves this long after the payment (default none). */
    public void callbackDelay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive");
        }
        this.callbackDelay = delay;
    }

    /** Each callback is sent this many times, identically (default 1): the hub must accept it once. */
    public void callbackCopies(int copies) {
        if (copies < 1 || copies > 10) {
            throw new IllegalArgumentException("copies must be 1-10");
        }
        this.callbackCopies = copies;
    }

    /** From now on callbacks are held back until {@link #releaseHeldCallbacks}. */
    public synchronized void holdCallbacks() {
        holding = true;
    }

    /**
     * Sends the held callbacks and stops holding.
     *
     * @param newestFirst send them in reverse order of payment (out-of-order delivery)
     * @return how many were released
     */
    public synchronized int releaseHeldCallbacks(boolean newestFirst) {
        holding = false;
        List<Runnable> jobs = new ArrayList<>(held);
        held.clear();
        if (newestFirst) {
            Collections.reverse(jobs);
        }
        jobs.forEach(sender::execute);
        return jobs.size();
    }

    /** Every callback attempt so far, in the order sent. */
    public List<CallbackDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Adds a raw line (possibly corrupt) to the reconciliation file of {@code date}. */
    public void addReconciliationLine(LocalDate date, String line) {
        extraLines.computeIfAbsent(date, d -> Collections.synchronizedList(new ArrayList<>())).add(line);
    }

    /**
     * Pays a notice as a payer would.
     *
     * @param amountFen the amount paid; {@code null} pays the amount due
     * @throws IllegalStateException if the notice is unknown or not unpaid
     */
    public void pay(String noticeNumber, Long amountFen, String channel) {
        Notice notice = notices.get(noticeNumber);
        if (notice == null) {
            throw new IllegalStateException("no such notice: " + noticeNumber);
        }
        payNotice(notice, amountFen == null ? notice.totalFen : amountFen, channel == null ? "WECHAT" : channel);
    }

    /** One callback attempt: what was sent and what the hub answered ({@code status} 0 when unreachable). */
    public record CallbackDelivery(String noticeNumber, Map<String, String> headers, byte[] body, int status) {
    }

    @Override
    public void stop() {
        sender.shutdownNow();
    }

    @Override
    ResponseDefinition answer(ServeEvent event, Request request, String path) {
        boolean post = RequestMethod.POST.equals(request.getMethod());
        if (path.equals("/payment/notices") && post) {
            return SandboxAnswers.json(event, 200, issue(SandboxAnswers.body(event)));
        }
        if (path.equals("/payment/notices")) {
            String requestNo = SandboxRequests.query(request, "requestNo");
            String number = requestNo == null ? null : byRequestNo.get(requestNo);
            return SandboxAnswers.json(event, 200, issued(find(number)));
        }
        if (path.equals(PAY_API) && post) {
            Map<String, Object> body = SandboxAnswers.body(event);
            Notice notice = find(SandboxAnswers.text(body, "noticeNumber"));
            Object amount = body.get("amountFen");
            payNotice(notice, amount instanceof Number n ? n.longValue() : notice.totalFen,
                    Objects.requireNonNullElse(SandboxAnswers.text(body, "channel"), "WECHAT"));
            return SandboxAnswers.json(event, 200, state(notice));
        }
        if (path.equals(PAY_PAGE)) {
            return SandboxRequests.bytes(event, "text/html; charset=UTF-8",
                    page(find(SandboxRequests.query(request, "notice"))));
        }
        if (path.startsWith("/payment/reconciliation/")) {
            return SandboxRequests.bytes(event, "text/plain; charset=UTF-8",
                    reconciliation(path.substring("/payment/reconciliation/".length())));
        }
        Matcher m = NOTICE_PATH.matcher(path);
        if (m.matches() && m.group(2) != null && post) {
            return SandboxAnswers.json(event, 200, surcharge(find(m.group(1)), SandboxAnswers.body(event)));
        }
        if (m.matches() && !post) {
            return SandboxAnswers.json(event, 200, state(find(m.group(1))));
        }
        throw new SandboxRequests.Refusal(404, "NOT_FOUND", "no such payment operation: " + path);
    }

    private Map<String, Object> issue(Map<String, Object> body) {
        if (body == null || !"PENALTY".equals(SandboxAnswers.text(body, "noticeType"))) {
            throw bad("a JSON body with noticeType PENALTY is required");
        }
        String requestNo = code(body, "requestNo");
        String existing = byRequestNo.get(requestNo);
        if (existing != null) {
            return issued(notices.get(existing));
        }
        code(body, "caseNumber");
        code(body, "unitCode");
        if (SandboxAnswers.text(body, "decisionNumber") == null
                || !String.valueOf(body.get("regionCode")).matches("\\d{6}")) {
            throw bad("decisionNumber and a six-digit regionCode are required");
        }
        Object payer = body.get("payer");
        if (!(payer instanceof Map<?, ?> p) || !(p.get("name") instanceof String)
                || !String.valueOf(p.get("idNumber")).matches("[0-9A-Z]{18}")) {
            throw bad("payer with name and an 18-character idNumber is required");
        }
        long sum = 0;
        Object items = body.get("items");
        if (!(items instanceof List<?> list) || list.isEmpty() || list.size() > 10) {
            throw bad("1-10 items are required");
        }
        for (Object item : list) {
            sum = Math.addExact(sum, fen(item instanceof Map<?, ?> i ? i.get("amountFen") : null, "items.amountFen"));
        }
        long total = fen(body.get("totalFen"), "totalFen");
        if (total != sum) {
            throw bad("totalFen " + total + " is not the sum of the items (" + sum + ")");
        }
        return issued(create(requestNo, "PENALTY", total, date(body, "dueDate"), null));
    }

    private Map<String, Object> surcharge(Notice original, Map<String, Object> body) {
        if (body == null || !"SURCHARGE".equals(SandboxAnswers.text(body, "noticeType"))) {
            throw bad("a JSON body with noticeType SURCHARGE is required");
        }
        String requestNo = code(body, "requestNo");
        String existing = byRequestNo.get(requestNo);
        if (existing != null) {
            return issued(notices.get(existing));
        }
        if (original.status != Status.UNPAID) {
            throw new SandboxRequests.Refusal(409, "NOTICE_ALREADY_PAID",
                    "notice " + original.number + " is " + original.status + ": no surcharge");
        }
        date(body, "accruedUntil");
        return issued(create(requestNo, "SURCHARGE", fen(body.get("surchargeFen"), "surchargeFen"),
                date(body, "dueDate"), original.number));
    }

    private synchronized Notice create(String requestNo, String type, long totalFen, LocalDate dueDate,
                                       String original) {
        String today = LocalDate.now(clock.withZone(CHINA)).format(DateTimeFormatter.BASIC_ISO_DATE);
        String number = "4415" + today + String.format("%08d", serial.incrementAndGet());
        Notice notice = new Notice(number, "9" + number.substring(1), requestNo, type, totalFen, dueDate, original);
        notices.put(number, notice);
        byRequestNo.put(requestNo, number);
        return notice;
    }

    private void payNotice(Notice notice, long amountFen, String channel) {
        if (!CHANNEL.matcher(channel).matches() || amountFen <= 0 || amountFen > MAX_FEN) {
            throw bad("channel must be A-Z/_ and amountFen positive");
        }
        synchronized (notice) {
            if (notice.status != Status.UNPAID) {
                throw new SandboxRequests.Refusal(409, "NOTICE_ALREADY_PAID", "notice " + notice.number + " is "
                        + notice.status);
            }
            notice.status = Status.PAID;
            notice.paidFen = amountFen;
            notice.paidAt = clock.instant();
            notice.channel = channel;
            notice.transactionId = channel.toLowerCase() + "-" + UUID.randomUUID();
        }
        scheduleCallback(notice);
    }

    private void scheduleCallback(Notice notice) {
        URI target = callbackUrl;
        if (target == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("noticeNumber", notice.number);
        body.put("status", "PAID");
        body.put("paidFen", notice.paidFen);
        body.put("paidAt", notice.paidAt.toString());
        body.put("channel", notice.channel);
        body.put("transactionId", notice.transactionId);
        byte[] json = com.github.tomakehurst.wiremock.common.Json.write(body).getBytes(StandardCharsets.UTF_8);
        int copies = callbackCopies;
        Runnable job = () -> {
            for (int i = 0; i < copies; i++) {
                deliver(target, notice.number, json);
            }
        };
        synchronized (this) {
            if (holding) {
                held.add(job);
                return;
            }
        }
        sender.schedule(job, callbackDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void deliver(URI target, String noticeNumber, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-pay-timestamp", timestamp);
        headers.put("x-pay-nonce", nonce);
        headers.put("x-pay-signature", hmac(callbackSecret, timestamp, nonce, body));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        int status = 0;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            LOG.info("sandbox payment callback for {} not delivered: {}", noticeNumber, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliveries.add(new CallbackDelivery(noticeNumber, Map.copyOf(headers), body, status));
    }

    static String hmac(byte[] secret, String timestamp, String nonce, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] reconciliation(String day) {
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw bad("date must be yyyy-MM-dd");
        }
        if (date.isAfter(LocalDate.now(clock.withZone(CHINA)))) {
            throw new SandboxRequests.Refusal(404, "NOT_READY", "the day " + date + " is not closed");
        }
        List<String> lines = new ArrayList<>();
        long total = 0;
        for (Notice n : notices.values().stream().sorted((a, b) -> a.number.compareTo(b.number)).toList()) {
            if (n.status == Status.PAID && LocalDate.ofInstant(n.paidAt, CHINA).equals(date)) {
                lines.add(n.number + "|" + n.payCode + "|" + n.paidFen + "|" + n.paidAt + "|" + n.channel + "|"
                        + n.transactionId);
                total += n.paidFen;
            }
        }
        for (String extra : extraLines.getOrDefault(date, List.of())) {
            lines.add(extra);
            String[] f = extra.split("\\|");
            if (f.length == 6 && f[2].matches("\\d{1,11}")) {
                total += Long.parseLong(f[2]);
            }
        }
        StringBuilder file = new StringBuilder("#NONTAX-RECON|1|" + date + "|" + lines.size() + "|" + total + "\n");
        lines.forEach(l -> file.append(l).append('\n'));
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] page(Notice notice) {
        String html = "<!doctype html><html lang=\"zh\"><meta charset=\"utf-8\"><title>沙箱缴款</title>"
                + "<h1>沙箱非税缴款 (sandbox payment, not real money)</h1><p>缴款书号码 " + notice.number
                + "</p><p>应缴金额 " + notice.totalFen / 100 + "." + String.format("%02d", notice.totalFen % 100)
                + " 元</p><p>状态 " + notice.status + "</p><form method=\"post\" action=\"" + PAY_API
                + "\" onsubmit=\"event.preventDefault();fetch(this.action,{method:'POST',headers:{'Content-Type':"
                + "'application/json'},body:JSON.stringify({noticeNumber:'" + notice.number
                + "'})}).then(()=>location.reload())\"><button>支付 (pay)</button></form></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private Notice find(String number) {
        Notice notice = number == null ? null : notices.get(number);
        if (notice == null) {
            throw new SandboxRequests.Refusal(404, "NOTICE_NOT_FOUND", "no such notice or request number");
        }
        return notice;
    }

    private static Map<String, Object> issued(Notice n) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("noticeNumber", n.number);
        json.put("payCode", n.payCode);
        json.put("noticeType", n.type);
        json.put("payUrl", "http://sandbox.invalid" + PAY_PAGE + "?notice=" + n.number);
        json.put("qrPayload", "NONTAX:" + n.payCode);
        json.put("totalFen", n.totalFen);
        json.put("dueDate", n.dueDate.toString());
        json.put("status", n.status.name());
        if (n.original != null) {
            json.put("originalNoticeNumber", n.original);
        }
        return json;
    }

    private static Map<String, Object> state(Notice n) {
        Map<String, Object> json = new LinkedHashMap<>();
        synchronized (n) {
            json.put("noticeNumber", n.number);
            json.put("status", n.status.name());
            json.put("totalFen", n.totalFen);
            if (n.status == Status.PAID) {
                json.put("paidFen", n.paidFen);
                json.put("paidAt", n.paidAt.toString());
            }
        }
        return json;
    }

    private static String code(Map<String, Object> body, String field) {
        String value = SandboxAnswers.text(body, field);
        if (value == null || !CODE.matcher(value).matches()) {
            throw bad(field + " is required: 1-64 letters, digits or . _ : -");
        }
        return value;
    }

    private static long fen(Object value, String field) {
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() <= 0
                || ((Number) value).longValue() > MAX_FEN) {
            throw bad(field + " must be a positive whole number of fen");
        }
        return ((Number) value).longValue();
    }

    private static LocalDate date(Map<String, Object> body, String field) {
        try {
            return LocalDate.parse(Objects.requireNonNull(SandboxAnswers.text(body, field)));
        } catch (NullPointerException | DateTimeParseException e) {
            throw bad(field + " must be an ISO date");
        }
    }

    private static SandboxRequests.Refusal bad(String message) {
        return new SandboxRequests.Refusal(400, "INVALID_REQUEST", message);
    }

    private enum Status { UNPAID, PAID }

    /** A notice and its payment; mutable fields guarded by the notice's monitor. */
    private static final class Notice {

        final String number;
        final String payCode;
        final String requestNo;
        final String type;
        final long totalFen;
        final LocalDate dueDate;
        final String original;
        Status status = Status.UNPAID;
        long paidFen;
        Instant paidAt;
        String channel;
        String transactionId;

        Notice(String number, String payCode, String requestNo, String type, long totalFen, LocalDate dueDate,
               String original) {
            this.number = number;
            this.payCode = payCode;
            this.requestNo = requestNo;
            this.type = type;
            this.totalFen = totalFen;
            this.dueDate = dueDate;
            this.original = original;
        }
    }
}
