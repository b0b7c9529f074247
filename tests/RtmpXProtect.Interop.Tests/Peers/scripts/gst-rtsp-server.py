#!/usr/bin/env python3
"""An RTSP server made with gst-rtsp-server, for the interop tests and the RTSP benchmark.

Serves a live test camera (--camera: a moving test pattern in H.264 and a tone in AAC) or an FLV or
MP4 file (H.264 and AAC) at rtsp://127.0.0.1:PORT/PATH, in real time, as RFC 6184 and RFC 3640 RTP.
Prints "listening PORT" once bound, then "connected" and "disconnected" per client. --protocols udp
or tcp offers RTP over that lower transport only (461 Unsupported Transport for the other), as
cameras that only do one; all (default) offers both.

    gst-rtsp-server.py (--camera | --file test.flv) [--port 0] [--path /test] [--shared] [--user U --password P [--auth basic|digest]]
                       [--protocols udp|tcp|all]
"""
import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
gi.require_version("GstRtsp", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--file")
    source.add_argument("--camera", action="store_true", help="a live test camera, as an IP camera is")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--path", default="/test")
    parser.add_argument("--shared", action="store_true", help="one pipeline for every client, as a live camera")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--auth", choices=("basic", "digest"), default="basic", help="how the user proves the password")
    parser.add_argument("--protocols", choices=("udp", "tcp", "all"), default="all", help="the lower transports RTP is offered over")
    args = parser.parse_args()

    Gst.init(None)
    if args.camera:
        launch = (
            "( videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=240,framerate=25/1 "
            "! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=50 ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=-1 "
            "audiotestsrc is-live=true ! audio/x-raw,rate=44100,channels=2 ! avenc_aac ! aacparse ! rtpmp4gpay name=pay1 pt=97 )"
        )
    else:
        demux = "qtdemux" if args.file.lower().endswith((".mp4", ".mov")) else "flvdemux"
        pad = "_0" if demux == "qtdemux" else ""
        launch = (
            f"( filesrc location=\"{args.file}\" ! {demux} name=d "
            f"d.video{pad} ! queue ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=-1 "
            f"d.audio{pad} ! queue ! aacparse ! rtpmp4gpay name=pay1 pt=97 )"
        )

    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(launch)
    factory.set_shared(args.shared)
    if args.protocols == "udp":
        factory.set_protocols(GstRtsp.RTSPLowerTrans.UDP)
    elif args.protocols == "tcp":
        factory.set_protocols(GstRtsp.RTSPLowerTrans.TCP)
    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "user")
        if args.auth == "digest":
            auth.add_digest(args.user, args.password or "", token)
            auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
        else:
            auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password or ""), token)
        server.set_auth(auth)
        permissions = GstRtspServer.RTSPPermissions()
        permissions.add_permission_for_role("user", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_ACCESS, True)
        permissions.add_permission_for_role("user", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_CONSTRUCT, True)
        factory.set_permissions(permissions)

    server.get_mount_points().add_factory(args.path, factory)

    def on_client(_server, client):
        print("connected", flush=True)
        client.connect("closed", lambda _client: print("disconnected", flush=True))

    server.connect("client-connected", on_client)
    if server.attach(None) == 0:
        print("cannot listen", file=sys.stderr, flush=True)
        return 1

    print(f"listening {server.get_bound_port()}", flush=True)
    GLib.MainLoop().run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
