package org.junheng.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} with a Chinese file name (RFC 6266): {@code filename*} carries the name in UTF-8 for
 * every current browser, {@code filename} an ASCII stand-in for the rest.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /** Saved under {@code fileName}. */
    public static String attachment(String fileName, String asciiFallback) {
        return header("attachment", fileName, asciiFallback);
    }

    /** Shown in the browser (an image, a PDF), saved under {@code fileName}. */
    public static String inline(String fileName, String asciiFallback) {
        return header("inline", fileName, asciiFallback);
    }

    private static String header(String disposition, String fileName, String asciiFallback) {
        String fallback = asciiFallback.replaceAll("[^A-Za-z0-9._-]", "_");
        return disposition + "; filename=\"" + fallback + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
