/// The page's stylesheet, inline: system fonts only (a web font would be a download).
enum HTMLStyle {
    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f6f7f9; color: #1d1f23;
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 24px; margin: 0 0 16px; }
        h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 1px solid #dde1e6; padding-bottom: 4px; }
        h3, h4, h5, h6 { font-size: 15px; margin: 18px 0 8px; }
        section { margin-bottom: 12px; }
        p { margin: 6px 0 10px; max-width: 80ch; }
        figure { margin: 10px 0; display: inline-block; background: #fff; border: 1px solid #e2e5e9; border-radius: 6px; }
        figure svg { display: block; max-width: 100%; height: auto; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px; }
        .charts figure { margin: 0; }
        .table { overflow-x: auto; margin: 8px 0 14px; }
        table { border-collapse: collapse; background: #fff; font-size: 13px; }
        caption { caption-side: bottom; text-align: left; color: #666; padding-top: 4px; }
        th, td { border: 1px solid #e2e5e9; padding: 4px 9px; text-align: left; vertical-align: top; }
        th { background: #eef1f4; font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .highlight { background: #fff4c2; }
        .good { color: #0a6b3d; background: #e3f5ea; }
        .bad { color: #9b1c1c; background: #fde7e7; }
        .muted { color: #777; }
        p.good, p.bad, p.highlight { padding: 6px 10px; border-radius: 4px; }
        dl.summary { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 14px; }
        dl.summary div { background: #fff; border: 1px solid #e2e5e9; border-radius: 6px; padding: 6px 12px; min-width: 90px; }
        dt { font-size: 12px; color: #666; }
        dd { margin: 0; font-size: 17px; font-weight: 600; font-variant-numeric: tabular-nums; }

        """
}
