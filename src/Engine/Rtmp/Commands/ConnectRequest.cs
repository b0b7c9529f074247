using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Amf;

namespace RtmpXProtect.Engine.Rtmp.Commands
{
    /// <summary>What a client asked for in its connect command.</summary>
    public sealed class ConnectRequest
    {
        private ConnectRequest(double transactionId, AmfObject properties, StreamName app, IReadOnlyList<string> fourCcList)
        {
            TransactionId = transactionId;
            Properties = properties;
            App = app;
            FourCcList = fourCcList;
        }

        /// <summary>The transaction id the answer must carry (1 for every known client).</summary>
        public double TransactionId { get; }

        /// <summary>The application, e.g. "live"; its query may carry a key.</summary>
        public StreamName App { get; }

        /// <summary>The URL the client connected to, without its query (which may hold a key).</summary>
        public string TcUrl => StreamName.Parse(Properties.GetString("tcUrl")).Name;

        /// <summary>The client's name for itself, e.g. "FMLE/3.0 (compatible; obs-studio/30.0)".</summary>
        public string FlashVersion => Properties.GetString("flashVer") ?? string.Empty;

        /// <summary>0 for AMF0, 3 for AMF3.</summary>
        public double ObjectEncoding => Properties.GetNumber("objectEncoding") ?? 0;

        /// <summary>Enhanced RTMP: the FourCC codecs the client supports (empty for a legacy client).</summary>
        public IReadOnlyList<string> FourCcList { get; }

        /// <summary>Enhanced RTMP: the extended capabilities bit field (capsEx), 0 when absent.</summary>
        public int CapsEx => (int)(Properties.GetNumber("capsEx") ?? 0);

        /// <summary>Enhanced RTMP: the per-codec capability map, when sent.</summary>
        public AmfObject? VideoFourCcInfoMap => Properties.GetObject("videoFourCcInfoMap");

        /// <summary>Every property of the command object as sent.</summary>
        public AmfObject Properties { get; }

        /// <summary>Reads a connect command.</summary>
        /// <exception cref="RtmpProtocolException">The command object is missing or has no app.</exception>
        public static ConnectRequest From(CommandMessage command)
        {
            if (!(command.CommandObject is AmfObject properties))
            {
                throw new RtmpProtocolException("connect has no command object.");
            }

            var fourCcs = new List<string>();
            if (properties["fourCcList"] is object?[] list)
            {
                foreach (var item in list)
                {
                    if (item is string s)
                    {
                        fourCcs.Add(s);
                    }
                }
            }

            // Some encoders send "live/" or "/live"; the slashes go, the query (which may hold a key) stays apart.
            var app = StreamName.Parse(properties.GetString("app"));
            return new ConnectRequest(command.TransactionId, properties, new StreamName(app.Name.Trim('/'), app.Query), fourCcs);
        }
    }
}
