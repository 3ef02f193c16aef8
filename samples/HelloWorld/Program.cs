using LiveStack.Client;

var app = LiveApp.Create(args);   // router URL and realm from args, env or appsettings;
                                  // default ws://127.0.0.1:8080/ws, realm1
app.Subscribe("chat.message", (string text) => Console.WriteLine(text));
app.Register("math.add", (int a, int b) => a + b);
await app.RunAsync();             // Ctrl-C → GOODBYE, clean exit
