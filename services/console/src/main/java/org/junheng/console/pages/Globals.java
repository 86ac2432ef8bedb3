package org.junheng.console.pages;

import io.quarkus.qute.TemplateGlobal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.ConfigProvider;

/** What every page's frame shows: the county's name and the time in Beijing. */
@TemplateGlobal
public class Globals {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static String now() {
        return TIME.format(ZonedDateTime.now(ZoneId.of("Asia/Shanghai"))) + "（北京时间）";
    }

    public static String districtName() {
        return ConfigProvider.getConfig().getValue("junheng.console.district-name", String.class);
    }
}
