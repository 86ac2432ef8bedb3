package org.junheng.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Debian's Chromium, driven by Playwright (which downloads no browser), as the browser tests start it. */
final class Chromium {

    private Chromium() {
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Headless, with the flags of the guide; Playwright gives it a fresh profile (user data directory) of its own. */
    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("junheng.chromium", "/usr/bin/chromium")))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN")));
    }

    /** A new browser window at 1366 px, in Chinese and Beijing time: its own cookies, as another person's. */
    static BrowserContext window(Browser browser) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(20_000);
        return context;
    }
}
