package ai.bookkeeper.ingest.parser.ofx;

import ai.bookkeeper.ingest.parser.StatementParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Turns the SGML body of an OFX 1.x file into well-formed XML: OFX 1.x leaves leaf elements unclosed
 * ({@code <TRNAMT>-45.67}), and we close them where the next tag starts. Newlines are kept, so that XML line
 * numbers are the file's line numbers.
 */
final class SgmlToXml {

    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|#\\d+|#x[0-9a-fA-F]+);");

    private SgmlToXml() {
    }

    static String convert(String sgml, int firstLine) {
        StringBuilder out = new StringBuilder(sgml.length() + sgml.length() / 4);
        Deque<String> open = new ArrayDeque<>();
        boolean leafOpen = false;
        int line = firstLine;
        int i = 0;
        while (i < sgml.length()) {
            int lt = sgml.indexOf('<', i);
            String text = lt < 0 ? sgml.substring(i) : sgml.substring(i, lt);
            if (!text.isBlank()) {
                out.append(text, 0, text.length() - text.stripLeading().length());
                out.append(escape(text.strip()));
                if (!open.isEmpty()) {
                    leafOpen = true;
                }
                out.append(text.substring(text.stripTrailing().length()));
            } else {
                out.append(text);
            }
            line += count(text, '\n');
            if (lt < 0) {
                break;
            }
            int gt = sgml.indexOf('>', lt);
            if (gt < 0) {
                throw new StatementParseException(line, "line " + line + ": a tag is not closed with '>'");
            }
            String tag = sgml.substring(lt + 1, gt).strip();
            if (tag.startsWith("/")) {
                String name = tag.substring(1).strip();
                if (leafOpen && !open.isEmpty() && !open.peek().equals(name)) {
                    out.append("</").append(open.pop()).append('>');
                }
                leafOpen = false;
                if (!open.contains(name)) {
                    throw new StatementParseException(line, "line " + line + ": </" + name + "> closes no open element");
                }
                while (!open.peek().equals(name)) {
                    out.append("</").append(open.pop()).append('>');
                }
                open.pop();
                out.append("</").append(name).append('>');
            } else if (tag.startsWith("?") || tag.startsWith("!")) {
                out.append('<').append(tag).append('>');
            } else {
                if (leafOpen && !open.isEmpty()) {
                    out.append("</").append(open.pop()).append('>');
                }
                leafOpen = false;
                if (!tag.matches("[A-Za-z][A-Za-z0-9._:-]*")) {
                    throw new StatementParseException(line, "line " + line + ": '<" + tag + ">' is not an OFX tag");
                }
                open.push(tag);
                out.append('<').append(tag).append('>');
            }
            i = gt + 1;
        }
        if (leafOpen && !open.isEmpty()) {
            out.append("</").append(open.pop()).append('>');
        }
        while (!open.isEmpty()) {
            out.append("</").append(open.pop()).append('>');
        }
        return out.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' && !ENTITY.matcher(text).region(i, text.length()).lookingAt()) {
                out.append("&amp;");
            } else if (c == '>') {
                out.append("&gt;");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
