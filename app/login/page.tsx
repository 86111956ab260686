import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/login-form';
import { loggedInUser } from '@/lib/gate';

export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  if (await loggedInUser()) redirect('/');
  return (
    <main className="login">
      <h1>Leadstream</h1>
      <p className="muted">Log in to work your leads.</p>
      <LoginForm />
    </main>
  );
}
