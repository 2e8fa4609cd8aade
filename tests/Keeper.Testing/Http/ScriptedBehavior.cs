namespace Keeper.Testing.Http;

/// <summary>What the <see cref="ScriptedHttpServer"/> does with one request.</summary>
public sealed class ScriptedBehavior
{
    private ScriptedBehavior(ScriptedBehaviorKind kind, Func<RecordedRequest, ScriptedResponse>? respond)
    {
        Kind = kind;
        RespondTo = respond;
    }

    /// <summary>Which of the behaviours this is.</summary>
    public ScriptedBehaviorKind Kind { get; }

    /// <summary>For <see cref="ScriptedBehaviorKind.Respond"/>: computes the response from the request.</summary>
    public Func<RecordedRequest, ScriptedResponse>? RespondTo { get; }

    /// <summary>Answers with a fixed status, body and headers.</summary>
    public static ScriptedBehavior Respond(int status, string body, params (string Name, string Value)[] headers) =>
        Respond(new ScriptedResponse(status, body) { Headers = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase) });

    /// <summary>Answers with a fixed response.</summary>
    public static ScriptedBehavior Respond(ScriptedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new ScriptedBehavior(ScriptedBehaviorKind.Respond, _ => response);
    }

    /// <summary>Answers 200 with a JSON body.</summary>
    public static ScriptedBehavior Json(string body) => Respond(200, body);

    /// <summary>Answers with a response computed from the request (for example to echo JSON-RPC ids).</summary>
    public static ScriptedBehavior Compute(Func<RecordedRequest, ScriptedResponse> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        return new ScriptedBehavior(ScriptedBehaviorKind.Respond, respond);
    }

    /// <summary>Never answers: holds the request until the client gives up or the server stops, then drops the connection.</summary>
    public static ScriptedBehavior Hang() => new(ScriptedBehaviorKind.Hang, null);

    /// <summary>Closes the connection at once, without any response.</summary>
    public static ScriptedBehavior Abort() => new(ScriptedBehaviorKind.Abort, null);
}
