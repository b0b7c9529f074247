using System;
using System.Collections;
using System.Linq;
using RtmpXProtect.Engine.Amf;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Amf
{
    /// <summary>Structural equality of decoded AMF values, with a path in the failure message.</summary>
    internal static class AmfAssert
    {
        public static void Equivalent(object? expected, object? actual, string path = "$")
        {
            switch (expected)
            {
                case null:
                    Assert.True(actual is null, $"{path}: expected null, got {actual}");
                    return;
                case AmfObject expectedObject:
                    var actualObject = Assert.IsAssignableFrom<AmfObject>(actual);
                    Assert.True(expectedObject.GetType() == actualObject.GetType(), $"{path}: expected {expectedObject.GetType().Name}, got {actualObject.GetType().Name}");
                    Assert.True(expectedObject.ClassName == actualObject.ClassName, $"{path}: class name {expectedObject.ClassName} vs {actualObject.ClassName}");
                    var expectedPairs = expectedObject.ToList();
                    var actualPairs = actualObject.ToList();
                    Assert.True(expectedPairs.Count == actualPairs.Count, $"{path}: {expectedPairs.Count} properties expected, got {actualPairs.Count}");
                    for (int i = 0; i < expectedPairs.Count; i++)
                    {
                        Assert.True(expectedPairs[i].Key == actualPairs[i].Key, $"{path}: key #{i} {expectedPairs[i].Key} vs {actualPairs[i].Key}");
                        Equivalent(expectedPairs[i].Value, actualPairs[i].Value, path + "." + expectedPairs[i].Key);
                    }

                    return;
                case byte[] expectedBytes:
                    Assert.Equal(expectedBytes, Assert.IsType<byte[]>(actual));
                    return;
                case IList expectedList:
                    var actualList = Assert.IsAssignableFrom<IList>(actual);
                    Assert.True(expectedList.Count == actualList.Count, $"{path}: {expectedList.Count} elements expected, got {actualList.Count}");
                    for (int i = 0; i < expectedList.Count; i++)
                    {
                        Equivalent(expectedList[i], actualList[i], $"{path}[{i}]");
                    }

                    return;
                case double expectedNumber:
                    var actualNumber = Assert.IsType<double>(actual);
                    Assert.True(BitConverter.DoubleToInt64Bits(expectedNumber) == BitConverter.DoubleToInt64Bits(actualNumber) || expectedNumber == actualNumber, $"{path}: {expectedNumber} vs {actualNumber}");
                    return;
                case DateTime expectedDate:
                    var actualDate = Assert.IsType<DateTime>(actual);
                    Assert.Equal(expectedDate.ToUniversalTime(), actualDate);
                    Assert.Equal(DateTimeKind.Utc, actualDate.Kind);
                    return;
                default:
                    Assert.Equal(expected, actual);
                    return;
            }
        }
    }
}
