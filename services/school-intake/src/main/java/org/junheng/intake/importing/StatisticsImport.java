package org.junheng.intake.importing;

/** Reading and mapping in one step: what the import endpoint calls with an uploaded file. */
public final class StatisticsImport {

    private StatisticsImport() {
    }

    /**
     * @param content  the uploaded bytes (XLSX or CSV; the content decides, not the name)
     * @param fileName the uploaded file name, only to name the file in problems; may be null
     */
    public static ImportResult parse(byte[] content, String fileName) {
        return RowMapper.map(SheetReader.read(content, fileName));
    }
}
