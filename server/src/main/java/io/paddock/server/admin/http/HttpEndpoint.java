package io.paddock.server.admin.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on Netty for operators' endpoints (admin commands, Prometheus
 * metrics, the web console): the routes decide which methods they take ({@link HttpRoutes}
 * takes GET and HEAD unless told otherwise), bodies of at most 64 KB, idle connections closed
 * after 30 s. It runs on one event-loop thread of its own, so a slow scrape never delays a
 * client's request.
 *
 * <p>Thread-safe: {@link #bind} and {@link #close} from any thread; requests are served on the
 * endpoint's thread.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final int IDLE_SECONDS = 30;

    private final String name;
    private final EventLoopGroup group;
    private final Channel channel;

    private HttpEndpoint(String name, EventLoopGroup group, Channel channel) {
        this.name = name;
        this.group = group;
        this.channel = channel;
    }

    /**
     * Listens on {@code address} (port 0 for an ephemeral one) and serves {@code routes}.
     *
     * @throws IllegalStateException naming the endpoint and address when it cannot bind
     */
    public static HttpEndpoint bind(String name, InetSocketAddress address, HttpRoutes routes) {
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "paddock-" + name + "-http");
            t.setDaemon(true);
            return t;
        };
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
        try {
            Channel ch = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS))
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                    .addLast(new Handler(routes));
                        }
                    })
                    .bind(address).syncUninterruptibly().channel();
            HttpEndpoint e = new HttpEndpoint(name, group, ch);
            LOG.info("{} HTTP endpoint listening on {}", name, e.address());
            return e;
        } catch (Exception e) { // Netty rethrows the BindException unwrapped
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot serve " + name + " on "
                    + address.getHostString() + ":" + address.getPort() + ": " + e.getMessage()
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        LOG.info("{} HTTP endpoint stopped", name);
    }

    /** Answers one aggregated request through the routes. */
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final HttpRoutes routes;

        Handler(HttpRoutes routes) {
            this.routes = routes;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean head = request.method().equals(HttpMethod.HEAD);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpVersion version = request.protocolVersion();
            if (!request.decoderResult().isSuccess()) {
                respond(ctx, version, keepAlive, false,
                        HttpReply.of(400, "text/plain; charset=utf-8", "malformed request\n"));
                return;
            }
            HttpCall call = call(request);
            // Not read again until answered: a reply that comes later (a console write waits
            // for the pipeline) must not be overtaken by the next request's on this connection.
            ctx.channel().config().setAutoRead(false);
            CompletionStage<HttpReply> reply;
            try {
                reply = routes.handle(call);
            } catch (RuntimeException e) {
                reply = CompletableFuture.failedFuture(e);
            }
            reply.whenComplete((r, failure) -> ctx.executor().execute(() -> {
                HttpReply answer = r;
                if (failure != null) {
                    LOG.warn("HTTP {} {} failed", call.method(), request.uri(), failure);
                    answer = HttpReply.of(500, "text/plain; charset=utf-8",
                            "internal error: " + failure + "\n");
                }
                respond(ctx, version, keepAlive, head, answer);
                ctx.channel().config().setAutoRead(true);
            }));
        }

        private static HttpCall call(FullHttpRequest request) {
            QueryStringDecoder q = new QueryStringDecoder(request.uri());
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : q.parameters().entrySet()) {
                params.put(e.getKey(), e.getValue().isEmpty() ? "" : e.getValue().get(0));
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (Map.Entry<String, String> h : request.headers()) {
                headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue());
            }
            byte[] body = new byte[request.content().readableBytes()];
            request.content().getBytes(request.content().readerIndex(), body);
            return new HttpCall(request.method().name(), q.path(), params, headers, body);
        }

        private static void respond(ChannelHandlerContext ctx, HttpVersion version,
                boolean keepAlive, boolean head, HttpReply reply) {
            FullHttpResponse response = new DefaultFullHttpResponse(version,
                    HttpResponseStatus.valueOf(reply.status()),
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(reply.body()));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
            reply.headers().forEach(response.headers()::set);
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                ctx.close(); // a keep-alive connection left quiet for too long
            } else {
                ctx.fireUserEventTriggered(evt);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("HTTP connection from {} failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
