package org.cticache.pages;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file a page serves: its bytes, read once at start-up, its media type, and an entity tag of its content. */
final class StaticFile {

    static final MediaType HTML = MediaType.valueOf("text/html; charset=utf-8");
    static final MediaType CSS = MediaType.valueOf("text/css; charset=utf-8");
    // RFC 9239: text/javascript is the one media type of JavaScript.
    static final MediaType JAVASCRIPT = MediaType.valueOf("text/javascript; charset=utf-8");
    static final MediaType PNG = MediaType.valueOf("image/png");
    static final MediaType TEXT = MediaType.valueOf("text/plain; charset=utf-8");

    private final byte[] content;
    private final MediaType type;
    private final EntityTag tag;

    private StaticFile(byte[] content, MediaType type) {
        this.content = content;
        this.type = type;
        // Of the content, not of the WAR's build time: a redeploy that changes nothing keeps browsers' copies valid.
        this.tag = new EntityTag(HexFormat.of().formatHex(sha256(content), 0, 16));
    }

    static StaticFile of(byte[] content, MediaType type) {
        return new StaticFile(content.clone(), type);
    }

    /** The file at a class path location; a missing one fails the deployment, naming it. */
    static StaticFile resource(String location, MediaType type) {
        return new StaticFile(read(location), type);
    }

    static byte[] read(String location) {
        try (InputStream in = StaticFile.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("the WAR lacks " + location);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] content() {
        return content;
    }

    MediaType type() {
        return type;
    }

    EntityTag tag() {
        return tag;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
