package org.cticache.testing;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.io.ByteArrayOutputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} whose requests go to a Jersey application in memory (through the JAX-RS client of Jersey's
 * in-memory test container) instead of over the network, so that {@link Api}, and every assertion written for real
 * HTTP, serves the fast tests of the HTTP edge too. A request's Content-Type must be one JAX-RS can parse; the
 * integration tests send the malformed ones.
 */
final class InMemoryHttpClient extends HttpClient {

    private static final String CONTENT_TYPE = "Content-Type";
    // A test that never gets its body from the in-memory call has a bug; it must not hang.
    private static final long BODY_SECONDS = 10;

    private final Client client;

    /** @param client the JAX-RS client of the in-memory container, such as {@code JerseyTest.client()} */
    InMemoryHttpClient(Client client) {
        this.client = client;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        Invocation.Builder call = client.target(request.uri()).request();
        request.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(CONTENT_TYPE)) {
                values.forEach(value -> call.header(name, value));
            }
        });
        // The entity's type is the request's Content-Type; no variant leaves the request without one.
        Variant type = request.headers().firstValue(CONTENT_TYPE)
                .map(value -> new Variant(MediaType.valueOf(value), (String) null, null)).orElse(null);
        Response answer = request.bodyPublisher().isEmpty() ? call.method(request.method())
                : call.method(request.method(), Entity.entity(bytesOf(request.bodyPublisher().get()), type));
        try (answer) {
            HttpHeaders headers = HttpHeaders.of(Map.copyOf(answer.getStringHeaders()), (name, value) -> true);
            byte[] body = answer.hasEntity() ? answer.readEntity(byte[].class) : new byte[0];
            return new Answer<>(request, answer.getStatus(), headers, bodyOf(handler, answer.getStatus(), headers,
                    body));
        }
    }

    /** What the request's body publisher sends, as the network would carry it. */
    private static byte[] bytesOf(HttpRequest.BodyPublisher publisher) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<byte[]> sent = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable failure) {
                sent.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                sent.complete(bytes.toByteArray());
            }
        });
        return await(sent);
    }

    /** The body as the handler makes it from the bytes, as the real client does (charset from the Content-Type). */
    private static <T> T bodyOf(HttpResponse.BodyHandler<T> handler, int status, HttpHeaders headers, byte[] body) {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new Info(status, headers));
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(body)));
        subscriber.onComplete();
        return await(subscriber.getBody().toCompletableFuture());
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(BODY_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the in-memory body did not come through", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Info(int statusCode, HttpHeaders headers) implements HttpResponse.ResponseInfo {

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> handler) {
        return CompletableFuture.completedFuture(send(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromises) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        throw new UnsupportedOperationException("no TLS in memory; the integration tests speak HTTPS");
    }

    @Override
    public SSLParameters sslParameters() {
        throw new UnsupportedOperationException("no TLS in memory; the integration tests speak HTTPS");
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }
}
