package dev.hake.embedded.internal.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The body of DeleteObjects: {@code <Delete><Object><Key>k</Key></Object>...<Quiet>true</Quiet></Delete>}.
 *
 * @param keys  the keys to delete, in request order
 * @param quiet whether the answer lists only failures
 */
record DeleteRequest(List<String> keys, boolean quiet) {

    /** S3's limit on keys per DeleteObjects request. */
    static final int MAX_KEYS = 1000;

    /** @throws S3Error MalformedXML if the body is not such a document, or names more than 1000 keys */
    static DeleteRequest parse(byte[] xml) {
        Element root = parseDocument(xml);
        if (!"Delete".equals(localName(root))) {
            throw S3Error.malformedXml("the root element is not Delete");
        }
        List<String> keys = new ArrayList<>();
        boolean quiet = false;
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element child)) {
                continue;
            }
            switch (localName(child)) {
                case "Object" -> keys.add(key(child));
                case "Quiet" -> quiet = Boolean.parseBoolean(child.getTextContent().trim());
                default -> {
                    // VersionId, ETag conditions and the like: nothing here is versioned
                }
            }
        }
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw S3Error.malformedXml("a Delete names 1 to " + MAX_KEYS + " objects, this one " + keys.size());
        }
        return new DeleteRequest(keys, quiet);
    }

    private static String key(Element object) {
        NodeList children = object.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && "Key".equals(localName(child))) {
                return child.getTextContent();
            }
        }
        throw S3Error.malformedXml("an Object has no Key");
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    /** A parser that reads no DTDs and no external entities: the body comes from the network. */
    private static Element parseDocument(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // fails on errors, and prints nothing
            return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw S3Error.malformedXml(e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be configured safely", e);
        }
    }
}
