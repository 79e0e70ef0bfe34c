package org.cticache.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** A Lua script from the classpath, called by its SHA-1 so a call sends the digest, not the source. */
final class LuaScript {

    private final String source;
    private final String sha;

    private LuaScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    /** One script made of resources in order: Redis has no include, so shared functions go in front. */
    static LuaScript fromResources(String... names) {
        StringBuilder source = new StringBuilder();
        for (String name : names) {
            source.append(resource(name)).append('\n');
        }
        return new LuaScript(source.toString());
    }

    private static String resource(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("script resource " + name + " is missing from the WAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the script. Redis forgets scripts (see {@link Scripts}): a NOSCRIPT loads them all and runs this one
     * again in one more round trip, so that no other script costs a NOSCRIPT of its own.
     */
    Object run(Jedis jedis, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            Response<Object> again;
            try (Pipeline pipeline = jedis.pipelined()) {
                Scripts.load(pipeline);
                again = pipeline.evalsha(sha, keys, args);
            }
            return again.get();
        }
    }

    void load(Pipeline pipeline) {
        // Pipeline's scriptLoad takes a key to route by, which one server needs not.
        pipeline.sendCommand(Protocol.Command.SCRIPT, "LOAD", source);
    }

    /** One call's keys and arguments. */
    record Invocation(List<String> keys, List<String> args) {
    }

    /**
     * Runs the script once per invocation, pipelined on the one connection: a single round trip however many
     * there are (one more after Redis forgot the scripts). Each reply comes back in its invocation's place, an
     * error reply as its {@link JedisDataException}, for the caller to tell a redirect from a failure.
     */
    List<Object> runPipelined(Jedis jedis, List<Invocation> invocations) {
        List<Object> replies = pipeline(jedis, invocations, false);
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i) instanceof JedisNoScriptException) {
                unknown.add(i);
            }
        }
        if (!unknown.isEmpty()) {
            List<Object> again = pipeline(jedis, unknown.stream().map(invocations::get).toList(), true);
            for (int i = 0; i < unknown.size(); i++) {
                replies.set(unknown.get(i), again.get(i));
            }
        }
        return replies;
    }

    private List<Object> pipeline(Jedis jedis, List<Invocation> invocations, boolean loadingScripts) {
        List<Response<Object>> responses = new ArrayList<>();
        try (Pipeline pipeline = jedis.pipelined()) {
            if (loadingScripts) {
                Scripts.load(pipeline);
            }
            for (Invocation invocation : invocations) {
                responses.add(pipeline.evalsha(sha, invocation.keys(), invocation.args()));
            }
        }
        List<Object> replies = new ArrayList<>();
        for (Response<Object> response : responses) {
            try {
                replies.add(response.get());
            } catch (JedisDataException e) {
                replies.add(e);
            }
        }
        return replies;
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
