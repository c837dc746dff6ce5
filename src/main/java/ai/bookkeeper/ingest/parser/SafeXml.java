package ai.bookkeeper.ingest.parser;

import java.io.InputStream;
import java.io.Reader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * StAX readers with DTDs, external entities and entity expansion switched off. A document that declares a DOCTYPE is
 * refused outright: bank statements never need one, and refusing is the only complete answer to XXE and
 * billion-laughs attacks.
 */
public final class SafeXml {

    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        return factory;
    }

    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return refusingDtd(FACTORY.createXMLStreamReader(in));
    }

    public static XMLStreamReader reader(Reader in) throws XMLStreamException {
        return refusingDtd(FACTORY.createXMLStreamReader(in));
    }

    private static XMLStreamReader refusingDtd(XMLStreamReader reader) {
        return new StreamReaderDelegate(reader) {
            @Override
            public int next() throws XMLStreamException {
                int event;
                try {
                    event = super.next();
                } catch (RuntimeException e) {
                    throw malformed(e);
                }
                if (event == XMLStreamConstants.DTD) {
                    throw new StatementParseException(getLocation().getLineNumber(), "the XML declares a DOCTYPE, which is"
                            + " refused (DTDs and entities are switched off to prevent XXE and entity-expansion attacks)");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new StatementParseException(getLocation().getLineNumber(), "the XML uses the entity &"
                            + getLocalName() + "; which is refused (entity expansion is switched off)");
                }
                return event;
            }

            @Override
            public String getElementText() throws XMLStreamException {
                try {
                    return super.getElementText();
                } catch (StatementParseException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw malformed(e);
                }
            }

            @Override
            public int nextTag() throws XMLStreamException {
                try {
                    return super.nextTag();
                } catch (StatementParseException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw malformed(e);
                }
            }

            /**
             * The JDK's built-in parser reports some malformed DTDs through a message key its bundle lacks, as a
             * MissingResourceException (found by fuzzing): it is malformed XML, not a bug of ours.
             */
            private XMLStreamException malformed(RuntimeException e) {
                String what = e instanceof java.util.MissingResourceException missing ? missing.getKey()
                        : e.getClass().getSimpleName();
                XMLStreamException wrapped = new XMLStreamException("malformed XML (" + what + ")", getLocation());
                wrapped.initCause(e);
                return wrapped;
            }
        };
    }
}
