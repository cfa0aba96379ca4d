using System.Globalization;
using System.Text.Json.Nodes;

namespace FunctionsZone.Infra.Tests;

/// <summary>
/// Evaluates the few ARM template functions the compiled template uses for the portal (conditions, origin lists,
/// CORS rules) with chosen parameter values, so a test can see what a deployment with those values would create
/// without Azure. `if` is lazy, as in ARM: the branch not taken is never evaluated (a reference to a module that is
/// not deployed must not be touched). An unknown function fails the test rather than guessing.
/// </summary>
internal sealed class ArmExpression
{
    private abstract record Node;
    private sealed record Literal(JsonNode? Value) : Node;
    private sealed record Call(string Name, IReadOnlyList<Node> Args) : Node;
    private sealed record Member(Node Target, string Name) : Node;

    private readonly IReadOnlyDictionary<string, JsonNode?> _parameters;
    private readonly Func<string, JsonNode?> _reference;

    /// <param name="parameters">Values of the template's parameters (defaults are not applied: pass what is used).</param>
    /// <param name="reference">What reference('name') returns: a module's deployment, e.g. { outputs: { origin: { value } } }.</param>
    public ArmExpression(IReadOnlyDictionary<string, JsonNode?> parameters, Func<string, JsonNode?>? reference = null)
    {
        _parameters = parameters;
        _reference = reference ?? (name => throw new InvalidOperationException($"reference('{name}') was evaluated"));
    }

    /// <summary>A template value: "[expr]" is evaluated, other strings, numbers and objects are taken as they are (objects and arrays member by member).</summary>
    public JsonNode? Value(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith('[') && !s.StartsWith("[[") && s.EndsWith(']') =>
            Eval(new Parser(s[1..^1]).ParseAll(), new Dictionary<string, JsonNode?>()),
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key, Value(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Value).ToArray()),
        _ => value?.DeepClone(),
    };

    private JsonNode? Eval(Node node, IReadOnlyDictionary<string, JsonNode?> lambdaVars) => node switch
    {
        Literal l => l.Value?.DeepClone(),
        Member m => Eval(m.Target, lambdaVars) is JsonObject o && o.TryGetPropertyValue(m.Name, out var v)
            ? v?.DeepClone()
            : throw new InvalidOperationException($"no member '{m.Name}'"),
        Call c => Invoke(c, lambdaVars),
        _ => throw new InvalidOperationException(node.ToString()),
    };

    private JsonNode? Invoke(Call c, IReadOnlyDictionary<string, JsonNode?> vars)
    {
        JsonNode? Arg(int i) => Eval(c.Args[i], vars);
        string Str(int i) => (string?)Arg(i) ?? throw new InvalidOperationException($"{c.Name}: argument {i} is not a string");
        JsonArray Arr(int i) => Arg(i) as JsonArray ?? throw new InvalidOperationException($"{c.Name}: argument {i} is not an array");
        IEnumerable<JsonNode?> Apply(Node lambda, JsonArray items) => items.Select(item => LambdaBody(lambda, item, vars));

        switch (c.Name.ToLowerInvariant())
        {
            case "parameters":
                var name = Str(0);
                return _parameters.TryGetValue(name, out var p) ? p?.DeepClone() : throw new KeyNotFoundException($"parameter '{name}' has no value");
            case "reference": return _reference(Str(0))?.DeepClone();
            case "lambdavariables": return vars[Str(0)]?.DeepClone();
            case "if": return (bool)Arg(0)! ? Arg(1) : Arg(2);
            case "equals": return JsonNode.DeepEquals(Arg(0), Arg(1));
            case "not": return !(bool)Arg(0)!;
            case "empty": return Arg(0) switch
            {
                null => true,
                JsonArray a => a.Count == 0,
                JsonObject o => o.Count == 0,
                var v => ((string?)v ?? "").Length == 0,
            };
            case "trim": return Str(0).Trim();
            case "split": return new JsonArray(Str(0).Split(Str(1)).Select(s => (JsonNode?)s).ToArray());
            case "join": return string.Join(Str(1), Arr(0).Select(n => (string?)n));
            case "format":
                return string.Format(CultureInfo.InvariantCulture, Str(0), c.Args.Skip(1).Select(a => (object?)Eval(a, vars)?.ToString()).ToArray());
            case "createarray": return new JsonArray(c.Args.Select(a => Eval(a, vars)).ToArray());
            case "createobject":
                var obj = new JsonObject();
                for (var i = 0; i < c.Args.Count; i += 2) obj[Str(i)] = Arg(i + 1);
                return obj;
            case "concat": return new JsonArray(c.Args.SelectMany(a => Eval(a, vars) as JsonArray ?? throw new InvalidOperationException("concat of a non-array")).Select(n => n?.DeepClone()).ToArray());
            case "union":
                var union = new List<JsonNode?>();
                foreach (var item in c.Args.SelectMany(a => (Eval(a, vars) as JsonArray)!))
                    if (!union.Any(u => JsonNode.DeepEquals(u, item))) union.Add(item?.DeepClone());
                return new JsonArray(union.ToArray());
            case "map": return new JsonArray(Apply(c.Args[1], Arr(0)).ToArray());
            case "filter":
                var items = Arr(0);
                return new JsonArray(items.Where(item => (bool)LambdaBody(c.Args[1], item, vars)!).Select(n => n?.DeepClone()).ToArray());
            default: throw new NotSupportedException($"ARM function {c.Name}() is not evaluated by the tests");
        }
    }

    private JsonNode? LambdaBody(Node lambda, JsonNode? item, IReadOnlyDictionary<string, JsonNode?> vars)
    {
        if (lambda is not Call { Name: "lambda", Args: [Literal { Value: var v }, var body] } || (string?)v is not { } name)
            throw new InvalidOperationException("expected lambda('x', body)");
        var inner = new Dictionary<string, JsonNode?>(vars) { [name] = item };
        return Eval(body, inner);
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public Node ParseAll()
        {
            var n = Expr();
            Skip();
            if (_pos != text.Length) throw new FormatException($"unexpected '{text[_pos..]}'");
            return n;
        }

        private Node Expr()
        {
            var n = Primary();
            while (true)
            {
                Skip();
                if (Peek('.'))
                {
                    _pos++;
                    n = new Member(n, Ident());
                }
                else if (Peek('['))
                {
                    _pos++;
                    var index = Expr();
                    Expect(']');
                    n = index is Literal { Value: var key } && (string?)key is { } s
                        ? new Member(n, s)
                        : throw new NotSupportedException("only ['name'] indexing is evaluated");
                }
                else return n;
            }
        }

        private Node Primary()
        {
            Skip();
            if (Peek('\''))
            {
                _pos++;
                var sb = new System.Text.StringBuilder();
                while (true)
                {
                    if (text[_pos] == '\'' && _pos + 1 < text.Length && text[_pos + 1] == '\'') { sb.Append('\''); _pos += 2; }
                    else if (text[_pos] == '\'') { _pos++; break; }
                    else sb.Append(text[_pos++]);
                }
                return new Literal(sb.ToString());
            }
            if (char.IsDigit(text[_pos]) || text[_pos] == '-')
            {
                var start = _pos++;
                while (_pos < text.Length && char.IsDigit(text[_pos])) _pos++;
                return new Literal(long.Parse(text[start.._pos], CultureInfo.InvariantCulture));
            }
            var name = Ident();
            if (name is "true" or "false") return new Literal(name == "true");
            Expect('(');
            var args = new List<Node>();
            Skip();
            if (!Peek(')'))
            {
                do { args.Add(Expr()); Skip(); } while (TryTake(','));
            }
            Expect(')');
            return new Call(name, args);
        }

        private string Ident()
        {
            Skip();
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            return _pos > start ? text[start.._pos] : throw new FormatException($"name expected at {start} in {text}");
        }

        private void Skip() { while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++; }
        private bool Peek(char c) => _pos < text.Length && text[_pos] == c;
        private bool TryTake(char c) { Skip(); if (!Peek(c)) return false; _pos++; return true; }
        private void Expect(char c) { if (!TryTake(c)) throw new FormatException($"'{c}' expected at {_pos} in {text}"); }
    }
}
