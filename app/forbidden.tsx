export default function Forbidden() {
  return (
    <main className="page">
      <h1>Not for your role</h1>
      <p>Your account cannot open this page. Ask an administrator if you need it.</p>
    </main>
  );
}
