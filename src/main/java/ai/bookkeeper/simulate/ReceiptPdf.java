package ai.bookkeeper.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A receipt as a one-page PDF: the same lines as the text receipt, drawn in Courier (a Standard 14 font). */
final class ReceiptPdf {

    private static final float FONT_SIZE = 10;
    private static final float LEADING = 14;
    private static final float MARGIN = 40;

    private ReceiptPdf() {
    }

    /**
     * One font per writing thread: PDFBox looks a Standard 14 font up among the system fonts when it is built
     * (slow the first time), and a font object keeps caches that are not safe to share between threads.
     */
    private static final ThreadLocal<PDType1Font> COURIER =
            ThreadLocal.withInitial(() -> new PDType1Font(Standard14Fonts.FontName.COURIER));

    static void write(Path file, List<String> lines) throws IOException {
        PDType1Font font = COURIER.get();
        // a receipt-roll page: 4.4 inches wide, room for 50 Courier characters, as tall as its lines need
        float height = MARGIN * 2 + LEADING * lines.size();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(320, Math.max(height, 200)));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, FONT_SIZE);
                content.setLeading(LEADING);
                content.newLineAtOffset(MARGIN / 2, page.getMediaBox().getHeight() - MARGIN);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            // PDFBox otherwise derives the trailer /ID from the clock; the content's digest keeps the file reproducible
            COSString id = new COSString(digest(lines));
            COSArray ids = new COSArray();
            ids.add(id);
            ids.add(id);
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            document.save(file.toFile());
        }
    }

    private static byte[] digest(List<String> lines) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            lines.forEach(l -> md5.update((l + '\n').getBytes(StandardCharsets.UTF_8)));
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
