import React from 'react'

export const metadata = { title: 'GOL - Gestor Online' }

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="pt-BR">
      <body>{children}</body>
    </html>
  )
}
