namespace QuantCluster.Deploy.Tests.Support;

/// <summary>One instruction of a Dockerfile: the keyword in capitals and the rest of its (joined) lines.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments);
