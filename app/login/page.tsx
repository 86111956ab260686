import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/login-form';
import { currentUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  if (await currentUser()) redirect('/');
  return (
    <main className="login">
      <h1>Leadstream</h1>
      <p className="muted">Log in to work your leads.</p>
      <LoginForm />
    </main>
  );
}
