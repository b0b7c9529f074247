using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Amf;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Amf
{
    public class AmfObjectTests
    {
        [Fact]
        public void Collection_initializer_keeps_insertion_order()
        {
            var command = new AmfObject { { "app", "live" }, { "tcUrl", "rtmp://h/live" }, { "fpad", false } };

            Assert.Equal(new[] { "app", "tcUrl", "fpad" }, command.Select(p => p.Key));
            Assert.Equal(3, command.Count);
        }

        [Fact]
        public void A_duplicate_key_replaces_the_value_in_place()
        {
            var obj = new AmfObject { { "a", 1.0 }, { "b", 2.0 } };
            obj.Add("a", 3.0);
            obj["b"] = 4.0;

            Assert.Equal(new[] { new KeyValuePair<string, object?>("a", 3.0), new KeyValuePair<string, object?>("b", 4.0) }, obj.ToList());
        }

        [Fact]
        public void Missing_keys_read_as_null_and_keys_compare_ordinally()
        {
            var obj = new AmfObject { { "App", "live" } };

            Assert.Null(obj["app"]);
            Assert.False(obj.ContainsKey("app"));
            Assert.False(obj.TryGetValue("app", out object? value));
            Assert.Null(value);
            Assert.True(obj.ContainsKey("App"));
        }

        [Fact]
        public void Typed_getters_return_null_for_another_type()
        {
            var inner = new AmfEcmaArray { { "x", 1.0 } };
            var obj = new AmfObject { { "s", "text" }, { "n", 15.0 }, { "i", 15 }, { "b", true }, { "o", inner }, { "nil", null } };

            Assert.Equal("text", obj.GetString("s"));
            Assert.Null(obj.GetString("n"));
            Assert.Equal(15.0, obj.GetNumber("n"));
            Assert.Equal(15.0, obj.GetNumber("i"));
            Assert.Null(obj.GetNumber("s"));
            Assert.True(obj.GetBoolean("b"));
            Assert.Null(obj.GetBoolean("n"));
            Assert.Same(inner, obj.GetObject("o"));
            Assert.Null(obj.GetObject("s"));
            Assert.Null(obj.GetString("missing"));
            Assert.True(obj.ContainsKey("nil"));
        }

        [Fact]
        public void Large_objects_keep_order_and_lookups_after_the_index_is_built()
        {
            var obj = new AmfObject();
            for (int i = 0; i < 100; i++)
            {
                obj.Add("k" + i, (double)i);
            }

            obj["k5"] = "replaced";
            obj.Add("k50", "again");

            Assert.Equal(100, obj.Count);
            Assert.Equal("replaced", obj["k5"]);
            Assert.Equal("again", obj["k50"]);
            Assert.Equal(99.0, obj.GetNumber("k99"));
            Assert.Equal(Enumerable.Range(0, 100).Select(i => "k" + i), obj.Select(p => p.Key));
        }

        [Fact]
        public void Undefined_is_one_instance_distinct_from_null()
        {
            Assert.Same(AmfUndefined.Value, AmfUndefined.Value);
            Assert.NotNull(AmfUndefined.Value);
        }

        [Fact]
        public void Xml_documents_compare_by_text()
        {
            Assert.Equal(new AmfXmlDocument("<a/>"), new AmfXmlDocument("<a/>"));
            Assert.NotEqual(new AmfXmlDocument("<a/>"), new AmfXmlDocument("<b/>"));
        }
    }
}
