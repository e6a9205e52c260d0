package cn.gov.shanwei.enforcement.contracts.sandbox;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the province sandbox standalone for demos: {@code java … ProvinceSandboxMain [port]} (default 8090).
 * Stops on Ctrl-C.
 */
public final class ProvinceSandboxMain {

    /** Default port of the standalone sandbox. */
    public static final int DEFAULT_PORT = 8090;

    private ProvinceSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        ProvinceSandbox sandbox = ProvinceSandbox.start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "province-sandbox-shutdown"));
        System.out.println("Province sandbox on " + sandbox.baseUrl()
                + " - licence SOAP endpoint " + sandbox.endpoint(SandboxService.LICENCE)
                + " (WSDL: ?wsdl). Ctrl-C stops it.");
        stopped.await();
    }
}
