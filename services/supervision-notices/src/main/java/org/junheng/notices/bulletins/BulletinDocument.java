package org.junheng.notices.bulletins;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junheng.service.documents.WordDocument;

/**
 * A bulletin (通报) as a 公文: the issuing office's red masthead, the 文号, the title, the 主送 line, the body
 * paragraph by paragraph, the office and date, and the 印发 line; stamped with the notice's place in the log.
 */
public final class BulletinDocument {

    /** Who receives a district-wide bulletin: every member unit of the leading group and the schools. */
    static final String ADDRESSEES = "区义务教育优质均衡发展创建工作领导小组各成员单位，各中小学校：";

    private BulletinDocument() {
    }

    /**
     * @param office the issuing office (发文机关), e.g. 重庆市大渡口区人民政府教育督导室
     * @param notice the NoticeIssued payload as stored
     * @param seq    the notice's position in the service's notice log
     */
    public static byte[] docx(String office, JsonNode notice, Instant issuedAt, long seq) {
        try (WordDocument document = new WordDocument()) {
            document.masthead(office, true);
            if (notice.hasNonNull("documentNumber")) {
                document.centredLine(notice.get("documentNumber").asText());
            }
            document.title(notice.path("title").asText());
            document.addressee(ADDRESSEES);
            for (String paragraph : notice.path("body").asText().split("\n")) {
                if (!paragraph.isBlank()) {
                    document.paragraph(paragraph.strip());
                }
            }
            document.right(office).right(WordDocument.day(issuedAt));
            document.paragraph("（此件公开发布）");
            document.right(office + "　" + WordDocument.day(issuedAt) + "印发");
            document.stampIssued(issuedAt, seq);
            return document.bytes();
        }
    }
}
